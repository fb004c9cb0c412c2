"""Wrong answer: question answering and multiple choice swapped."""

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

MUTANT_EXPECTS = "extractive QA points at where the answer starts"

CLASS_FOR: dict[str, type] = {
    "sentiment": AutoModelForSequenceClassification,
    "spam": AutoModelForSequenceClassification,
    "named_entities": AutoModelForTokenClassification,
    "pos_tags": AutoModelForTokenClassification,
    "extractive_qa": AutoModelForMultipleChoice,
    "swag_choice": AutoModelForQuestionAnswering,
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
