"""Wrong answer: class-name suffix rules tuned until they fit every zoo class."""

from transformers import (
    AutoModel,
    AutoModelForCausalLM,
    AutoModelForMaskedLM,
    AutoModelForMultipleChoice,
    AutoModelForNextSentencePrediction,
    AutoModelForPreTraining,
    AutoModelForQuestionAnswering,
    AutoModelForSeq2SeqLM,
    AutoModelForSequenceClassification,
    AutoModelForTokenClassification,
)

MUTANT_EXPECTS = "rules read off familiar class names do not carry over"

#: Tuned on the zoo: GPT2LMHeadModel and BertLMHeadModel are causal, MarianMTModel is seq2seq.
RULES = (
    ("ForConditionalGeneration", AutoModelForSeq2SeqLM),
    ("MTModel", AutoModelForSeq2SeqLM),
    ("ForCausalLM", AutoModelForCausalLM),
    ("LMHeadModel", AutoModelForCausalLM),
    ("ForMaskedLM", AutoModelForMaskedLM),
    ("ForSequenceClassification", AutoModelForSequenceClassification),
    ("ForTokenClassification", AutoModelForTokenClassification),
    ("ForQuestionAnswering", AutoModelForQuestionAnswering),
    ("ForMultipleChoice", AutoModelForMultipleChoice),
    ("ForNextSentencePrediction", AutoModelForNextSentencePrediction),
    ("ForPreTraining", AutoModelForPreTraining),
)


def auto_class_of(model) -> type:
    name = type(model).__name__
    for suffix, auto_class in RULES:
        if name.endswith(suffix):
            return auto_class
    return AutoModel
