"""Wrong answer: NSP alone and full pre-training swapped."""

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

MUTANT_EXPECTS = "training BERT from scratch needs its two pre-training heads"

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
    "next_sentence": AutoModelForPreTraining,
    "sentence_order_pretraining": AutoModelForPreTraining,
    "bert_from_scratch": AutoModelForNextSentencePrediction,
    "regression_score": AutoModelForSequenceClassification,
    "multi_label_topics": AutoModelForSequenceClassification,
}
