"""Hidden checks for kata 32: from a model object back to its Auto class, through the Auto tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m

HINTS = (
    "The answer is in `transformers.models.auto.modeling_auto`: each MODEL_FOR_*_MAPPING_NAMES dict maps a "
    "`model_type` (\"gpt2\") to the class name its Auto class loads (\"GPT2LMHeadModel\").",
    "For each table, most specific first, check whether `table.get(model.config.model_type)` is "
    "`type(model).__name__`; AutoModelForPreTraining and AutoModel come last.",
    "Order: Seq2SeqLM, CausalLM, MaskedLM, the classification/QA/choice/NSP tables, then PreTraining, then "
    "AutoModel. Return the Auto class object, e.g. `AutoModelForCausalLM`.",
)

#: The ten Auto classes of the seed and their tables, most specific first (the kata states this order).
TABLES: tuple[tuple[str, str], ...] = (
    ("AutoModelForSeq2SeqLM", "MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES"),
    ("AutoModelForCausalLM", "MODEL_FOR_CAUSAL_LM_MAPPING_NAMES"),
    ("AutoModelForMaskedLM", "MODEL_FOR_MASKED_LM_MAPPING_NAMES"),
    ("AutoModelForSequenceClassification", "MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES"),
    ("AutoModelForTokenClassification", "MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES"),
    ("AutoModelForQuestionAnswering", "MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES"),
    ("AutoModelForMultipleChoice", "MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES"),
    ("AutoModelForNextSentencePrediction", "MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES"),
    ("AutoModelForPreTraining", "MODEL_FOR_PRETRAINING_MAPPING_NAMES"),
    ("AutoModel", "MODEL_MAPPING_NAMES"),
)

TYPE_LESSON = (
    "`auto_class_of` should return one of the ten Auto classes itself (e.g. `AutoModelForCausalLM`, "
    "imported from transformers): not a string, not the model's own class."
)
NAME_LESSON = (
    "`{got}` does not load `{model_class}` at all: its table maps `{model_type}` to another class. "
    "Class names mislead (GPT2LMHeadModel is a causal LM, MarianMTModel is seq2seq): look the class up "
    "in the MODEL_FOR_*_MAPPING_NAMES tables."
)
ARCHITECTURES_LESSON = (
    "`config.architectures` records the class the checkpoint was saved from ({saved}), not the class of "
    "the model you were given ({model_class}): look up `type(model).__name__` instead."
)
CATCH_ALL_LESSON = (
    "AutoModelForPreTraining does list `{model_class}`, but it is a catch-all for the heads a model was "
    "pre-trained with; a task table lists it too, and the kata asks for the most specific table."
)
SEQ2SEQ_LESSON = (
    "`{model_class}` is in the masked-LM table too, but it is an encoder-decoder built to generate: the "
    "kata ranks AutoModelForSeq2SeqLM above AutoModelForMaskedLM."
)
ORDER_LESSON = (
    "`{got}` lists `{model_class}`, but a more specific table lists it too; the kata's order is "
    "Seq2SeqLM, CausalLM, MaskedLM, the task heads, PreTraining, then AutoModel."
)

_FAMILY = zoo.ENCODERS + zoo.DECODERS + zoo.SEQ2SEQ


def registered_under(class_name: str, model_type: str) -> list[str]:
    """The Auto classes (most specific first) whose table maps `model_type` to `class_name`."""
    from transformers.models.auto import modeling_auto

    found = []
    for auto_name, table_name in TABLES:
        listed = getattr(modeling_auto, table_name).get(model_type, ())
        if class_name in ((listed,) if isinstance(listed, str) else listed):
            found.append(auto_name)
    return found


def _models(name: str) -> Iterator[Any]:
    """A model for every one of the ten Auto classes that accepts the checkpoint's config.

    Built from the config (the answer depends on the class alone); the config
    keeps the checkpoint's `architectures`, as a loaded model's does.
    """
    import transformers
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(m.checkpoint(name))
    for auto_name, _ in TABLES:
        auto_class = getattr(transformers, auto_name)
        if type(config) in auto_class._model_mapping:
            yield auto_class.from_config(config)


def _seed_name(value: Any, **shown: Any) -> str:
    import transformers

    for auto_name, _ in TABLES:
        if value is getattr(transformers, auto_name):
            return auto_name
    fail(TYPE_LESSON, **shown, got=f"{type(value).__name__}: {getattr(value, '__name__', value)!r}"[:200])


def _lesson(got: str, model: Any, listed: list[str]) -> str:
    names = dict(got=got, model_class=type(model).__name__, model_type=model.config.model_type)
    saved = (getattr(model.config, "architectures", None) or [None])[0]
    if saved and saved != names["model_class"] and got in registered_under(saved, names["model_type"])[:1]:
        return ARCHITECTURES_LESSON.format(saved=saved, **names)
    if got not in listed:
        return NAME_LESSON.format(**names)
    if got == "AutoModelForPreTraining":
        return CATCH_ALL_LESSON.format(**names)
    if got == "AutoModelForMaskedLM" and listed[0] == "AutoModelForSeq2SeqLM":
        return SEQ2SEQ_LESSON.format(**names)
    return ORDER_LESSON.format(**names)


@check("auto_class_of finds the most specific Auto class for every head of every family", family=_FAMILY)
def finds_the_auto_class(attempt, name):
    for model in _models(name):
        shown = dict(on=name, model_class=type(model).__name__)
        got = _seed_name(attempt.auto_class_of(model), **shown)
        listed = registered_under(type(model).__name__, model.config.model_type)
        if got != listed[0]:
            fail(_lesson(got, model, listed), **shown, expected=listed[0], got=got, tables_listing_it=listed)
