"""Loading: was the learner's model loaded with the right Auto class, from the checkpoint's
trained weights, in the checkpoint's precision?

`load_with` calls a learner's loader and proves the class it returned;
`expect_class` and `expect_auto_class` name the mistake (a hard-coded class of
another architecture, the Auto class of another head) without naming the class
the kata asks for, which would be the answer. `expect_loaded` tells the
checkpoint's weights from randomly initialised ones (`from_config`, the class
itself), and a lowered precision from both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from autokata.kit import checkpoints, crashes
from autokata.kit.outcomes import LearnerCrash, fail


#: What transformers says when an Auto class has no model class for a config.
_NO_MAPPING = "Unrecognized configuration class"


def load_with(attempt: Any, function: str, name: str, auto_class_name: str, lesson: str) -> Any:
    """Call the learner's loader on a checkpoint; the model must be the class
    `auto_class_name` resolves to for it.

    An Auto class with no mapping for the checkpoint's config makes the loader
    crash; that crash gets `lesson` too (formatted with `got`, the Auto class
    at fault), like a model with the wrong head (`got`, its class) does.
    """
    import transformers

    try:
        value = attempt.call(function, checkpoints.checkpoint(name))
    except LearnerCrash as crash:
        said = crashes.crash_line(crash)
        if _NO_MAPPING not in said:
            raise
        auto = re.search(r"AutoModel: (\w+)", said)
        auto = auto.group(1) if auto else "The Auto class you used"
        fail(
            f"`{auto}` has no model class for this checkpoint's config, so loading it fails. "
            + lesson.format(got=auto),
            on=name,
            the_error_said=said[:160],
        )
    model = expect_model(value, function, name)
    auto_class = getattr(transformers, auto_class_name)
    expect_class(model, auto_class, name, lesson.format(got=type(model).__name__))
    return model


@functools.cache
def expected_class(auto_class: Any, name: str) -> type:
    """The model class an Auto class resolves to for a checkpoint's config (read once per process)."""
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(checkpoints.checkpoint(name))
    return auto_class._model_mapping[type(config)]


def expect_model(value: Any, function: str, name: str) -> Any:
    """A learner's loader must return a model object (not a tuple, a path or None)."""
    from transformers import PreTrainedModel

    if isinstance(value, PreTrainedModel):
        return value
    fail(
        f"`{function}` should return the loaded model itself (a transformers model object).",
        on=name,
        got=f"{type(value).__name__}: {value!r}"[:200],
    )


HARD_CODED_LESSON = (
    "`{got}` is one architecture's own class, so it cannot load every checkpoint: it is built for "
    "another architecture's config than this checkpoint's. An Auto class reads the checkpoint's config "
    "and picks the right class for you."
)


def expect_class(model: Any, auto_class: Any, name: str, lesson: str) -> None:
    """The learner's model must be exactly the class `auto_class` gives for the checkpoint.

    A class of another architecture (a hard-coded `BertModel` on a RoBERTa
    checkpoint) gets its own lesson; any other mismatch gets `lesson`. The
    message shows what the learner's model is and what it lacks, never the
    class the kata asks for (that name is the answer).
    """
    wanted = expected_class(auto_class, name)
    got = type(model)
    if got is wanted:
        return
    made_for = getattr(got, "config_class", None)
    if made_for is not wanted.config_class:
        fail(
            HARD_CODED_LESSON.format(got=got.__name__),
            on=name,
            got_class=got.__name__,
            it_is_built_for=getattr(made_for, "__name__", "no config class"),
            the_checkpoint_config_is=wanted.config_class.__name__,
        )
    fail(lesson, on=name, got_class=got.__name__)


#: The Auto classes a learner might reach for in these katas, most specific head first.
AUTO_CLASSES: tuple[str, ...] = (
    "AutoModelForTokenClassification",
    "AutoModelForQuestionAnswering",
    "AutoModelForMultipleChoice",
    "AutoModelForNextSentencePrediction",
    "AutoModelForSequenceClassification",
    "AutoModelForPreTraining",
    "AutoModelForMaskedLM",
    "AutoModelForCausalLM",
    "AutoModel",
)


def auto_classes_of(model: Any) -> list[str]:
    """The Auto classes that resolve to this model's class for its config."""
    import transformers

    found = []
    for auto_name in AUTO_CLASSES:
        mapping = getattr(transformers, auto_name)._model_mapping
        try:
            if mapping[type(model.config)] is type(model):
                found.append(auto_name)
        except KeyError:
            continue
    return found


def expect_auto_class(model: Any, wanted: str, name: str, lessons: Mapping[str, str], otherwise: str) -> None:
    """The model must be the class `wanted` (an Auto class name) gives for the checkpoint.

    A model of the right architecture but another head gets the lesson keyed
    by the Auto class it came from (`lessons`), or `otherwise`; a hard-coded
    class of another architecture gets the kit's hard-coding lesson.
    """
    import transformers

    got = auto_classes_of(model)
    lesson = next((lessons[auto] for auto in got if auto in lessons), otherwise)
    expect_class(model, getattr(transformers, wanted), name, lesson.format(got=type(model).__name__))


def same_weights(model: Any, name: str) -> bool:
    """Do the input embeddings equal the checkpoint's? (False for from_config / random init.)"""
    import torch

    base = checkpoints.reference("AutoModel", name)
    mine = model.get_input_embeddings().weight.detach().float()
    theirs = base.get_input_embeddings().weight.detach().float()
    return mine.shape == theirs.shape and torch.equal(mine, theirs)


LOW_PRECISION_LESSON = (
    "Your model holds its weights in {dtype}, a lower precision than the checkpoint's {stored}: every "
    "weight was rounded on the way, so none is the checkpoint's value any more. Keep the weights in the "
    "precision the checkpoint stores them in."
)

RANDOM_WEIGHTS_LESSON = (
    "Your model's weights are not the checkpoint's: they are randomly initialised, as in a model built "
    "from a configuration alone or from the class itself. The weights the checkpoint learned are stored "
    "in the folder at `path`: a model made without reading them starts from scratch."
)


def low_precision(model: Any, name: str) -> list[str]:
    """The floating dtypes of `model`'s parameters that hold fewer bits than the checkpoint's weights."""
    stored = checkpoints.reference("AutoModel", name).get_input_embeddings().weight.dtype
    return sorted(
        {str(p.dtype) for p in model.parameters() if p.is_floating_point() and p.dtype.itemsize < stored.itemsize}
    )


def expect_loaded(model: Any, name: str) -> None:
    """The learner's model must hold the checkpoint's trained weights, in the checkpoint's precision.

    Precision comes first: weights cast to float16/bfloat16 never equal the
    checkpoint's, and "randomly initialised" would be untrue for them.
    """
    low = low_precision(model, name)
    if low:
        stored = checkpoints.reference("AutoModel", name).get_input_embeddings().weight.dtype
        fail(LOW_PRECISION_LESSON.format(dtype=", ".join(low), stored=stored), on=name, got_dtypes=low)
    if not same_weights(model, name):
        fail(RANDOM_WEIGHTS_LESSON, on=name)


PRECISION_LESSON = (
    "Your model holds its weights in {dtype}, a lower precision than the checkpoint's float32: every "
    "weight, and so every score, changes. The kata asks for the checkpoint's weights as they are stored."
)


def expect_full_precision(model: Any, name: str, function: str) -> Any:
    """A learner's model in float16/bfloat16 gets its own lesson, not "your weights are not the
    checkpoint's" (the comparison of weights fails on it) nor a crash in a dtype-mixing check."""
    low = sorted({str(p.dtype) for p in model.parameters() if p.is_floating_point() and p.dtype.itemsize < 4})
    if low:
        fail(PRECISION_LESSON.format(dtype=", ".join(low)), on=name, function=function, got_dtypes=low)
    return model
