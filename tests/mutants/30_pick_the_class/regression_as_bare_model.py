"""Wrong answer: regression on the bare model (as if a number needed a custom head)."""

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

MUTANT_EXPECTS = "a score per text needs a head over the whole text"

CLASS_FOR: dict[str, type] = {
    "sentiment": AutoModelForSequenceClassification,
    "spam": AutoModelForSequenceClassification,
    "named_entities": AutoModelForTokenClassification,
    "pos_tags": AutoModelForTokenClassification,
    "extractive_qa": AutoModelForQuestionAnswering,
    "swag_choice": AutoModelForMultipleChoice,
    "summarisation": AutoModelForSeq2SeqLM,
    "translation": AutoModelForSeq2SeqLM,
    "chat_completion": AutoModelForCausalLM,
    "code_completion": AutoModelForCausalLM,
    "clustering_embeddings": AutoModel,
    "fill_in_the_blank": AutoModelForMaskedLM,
    "next_sentence": AutoModelForNextSentencePrediction,
    "sentence_order_pretraining": AutoModelForPreTraining,
    "bert_from_scratch": AutoModelForPreTraining,
    "regression_score": AutoModel,
    "multi_label_topics": AutoModelForSequenceClassification,
}
