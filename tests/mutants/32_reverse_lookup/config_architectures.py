"""Wrong answer: reads the checkpoint's saved class from config.architectures."""

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
from transformers.models.auto import modeling_auto as tables

MUTANT_EXPECTS = "records the class the checkpoint was saved from"

#: Most specific first: task tables, then the pre-training catch-all, then the bare model.
MOST_SPECIFIC_FIRST = (
    (AutoModelForSeq2SeqLM, tables.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES),
    (AutoModelForCausalLM, tables.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES),
    (AutoModelForMaskedLM, tables.MODEL_FOR_MASKED_LM_MAPPING_NAMES),
    (AutoModelForSequenceClassification, tables.MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES),
    (AutoModelForTokenClassification, tables.MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES),
    (AutoModelForQuestionAnswering, tables.MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES),
    (AutoModelForMultipleChoice, tables.MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES),
    (AutoModelForNextSentencePrediction, tables.MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES),
    (AutoModelForPreTraining, tables.MODEL_FOR_PRETRAINING_MAPPING_NAMES),
    (AutoModel, tables.MODEL_MAPPING_NAMES),
)


def auto_class_of(model) -> type:
    """The most specific of the ten Auto classes whose table lists this model's class."""
    model_type = model.config.model_type
    name = model.config.architectures[0]
    for auto_class, table in MOST_SPECIFIC_FIRST:
        listed = table.get(model_type, ())
        if name in ((listed,) if isinstance(listed, str) else listed):
            return auto_class
    raise ValueError(f"{name} is in none of the ten Auto classes' tables")
