"""Wrong answer: seq2seq and the bare model swapped (translation <-> clustering)."""

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

MUTANT_EXPECTS = "MarianMT translation is encoder-decoder"

CLASS_FOR: dict[str, type] = {
    "sentiment": AutoModelForSequenceClassification,
    "spam": AutoModelForSequenceClassification,
    "named_entities": AutoModelForTokenClassification,
    "pos_tags": AutoModelForTokenClassification,
    "extractive_qa": AutoModelForQuestionAnswering,
    "swag_choice": AutoModelForMultipleChoice,
    "summarisation": AutoModelForSeq2SeqLM,
    "translation": AutoModel,
    "chat_completion": AutoModelForCausalLM,
    "code_completion": AutoModelForCausalLM,
    "clustering_embeddings": AutoModelForSeq2SeqLM,
    "fill_in_the_blank": AutoModelForMaskedLM,
    "next_sentence": AutoModelForNextSentencePrediction,
    "sentence_order_pretraining": AutoModelForPreTraining,
    "bert_from_scratch": AutoModelForPreTraining,
    "regression_score": AutoModelForSequenceClassification,
    "multi_label_topics": AutoModelForSequenceClassification,
}
