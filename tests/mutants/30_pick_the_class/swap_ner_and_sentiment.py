"""Wrong answer: token and sequence classification swapped (NER <-> sentiment)."""

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

MUTANT_EXPECTS = "NER gives every token its own entity label"

CLASS_FOR: dict[str, type] = {
    "sentiment": AutoModelForTokenClassification,
    "spam": AutoModelForSequenceClassification,
    "named_entities": AutoModelForSequenceClassification,
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
    "regression_score": AutoModelForSequenceClassification,
    "multi_label_topics": AutoModelForSequenceClassification,
}
