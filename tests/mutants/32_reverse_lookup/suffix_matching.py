"""Wrong answer: guesses the Auto class from the end of the class name."""

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

MUTANT_EXPECTS = "Class names mislead"

SUFFIXES = (
    ("ForCausalLM", AutoModelForCausalLM),
    ("ForConditionalGeneration", AutoModelForSeq2SeqLM),
    ("ForMaskedLM", AutoModelForMaskedLM),
    ("ForSequenceClassification", AutoModelForSequenceClassification),
    ("ForTokenClassification", AutoModelForTokenClassification),
    ("ForQuestionAnswering", AutoModelForQuestionAnswering),
    ("ForMultipleChoice", AutoModelForMultipleChoice),
    ("ForNextSentencePrediction", AutoModelForNextSentencePrediction),
    ("ForPreTraining", AutoModelForPreTraining),
    ("Model", AutoModel),
)


def auto_class_of(model) -> type:
    name = type(model).__name__
    for suffix, auto_class in SUFFIXES:
        if name.endswith(suffix):
            return auto_class
    raise ValueError(name)
