"""Kata 32 · Which Auto class does this model belong to?

Each Auto class is a lookup table from a config's `model_type` to a model
class: AutoModelForCausalLM maps "gpt2" to `GPT2LMHeadModel`, "llama" to
`LlamaForCausalLM`. The tables live in
`transformers.models.auto.modeling_auto`, one per Auto class:

    AutoModel                           MODEL_MAPPING_NAMES
    AutoModelForCausalLM                MODEL_FOR_CAUSAL_LM_MAPPING_NAMES
    AutoModelForSeq2SeqLM               MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES
    AutoModelForMaskedLM                MODEL_FOR_MASKED_LM_MAPPING_NAMES
    AutoModelForSequenceClassification  MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES
    AutoModelForTokenClassification     MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES
    AutoModelForQuestionAnswering       MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES
    AutoModelForMultipleChoice          MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES
    AutoModelForNextSentencePrediction  MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES
    AutoModelForPreTraining             MODEL_FOR_PRETRAINING_MAPPING_NAMES

Class names are a poor guide: `GPT2LMHeadModel` is a causal LM,
`T5ForConditionalGeneration` and `BartForConditionalGeneration` are
sequence-to-sequence models, `MarianMTModel` too. The tables are the truth.

Your task: `auto_class_of(model)` returns the Auto class (one of the ten
above, the class object itself) that the model's class belongs to, for
models of every family and every head.

One class can sit in several tables. Then answer the most specific one:
- a task table beats AutoModelForPreTraining, which is a catch-all for
  "the heads this model was pre-trained with" (it lists `GPT2LMHeadModel`,
  `RobertaForMaskedLM`, `T5ForConditionalGeneration`, ...);
- AutoModelForSeq2SeqLM beats AutoModelForMaskedLM
  (`BartForConditionalGeneration` is in both; it is built to generate);
- AutoModel only for a bare model with no head.

Careful: `model.config.architectures` names the class the *checkpoint* was
saved from, not the class of the model in front of you.

Run `pytest katas/32_reverse_lookup.py`; stuck? `autokata hint 32`.
"""

from transformers import (  # noqa: F401  (you will need them)
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
from transformers.models.auto import modeling_auto  # noqa: F401  (the MODEL_FOR_*_MAPPING_NAMES tables)


def auto_class_of(model) -> type:
    """The most specific of the ten Auto classes whose table lists this model's class."""
    # TODO: look type(model).__name__ up under model.config.model_type in each table, most specific first.
    raise NotImplementedError
