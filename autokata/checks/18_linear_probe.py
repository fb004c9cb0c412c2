"""Hidden checks for kata 18: a linear probe freezes `base_model` and trains only the head."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import track_b1 as b1
from autokata.kit import track_b2 as b2
from autokata.kit.outcomes import LearnerCrash

HINTS = (
    "Load the classifier as usual, then switch off `requires_grad` on every parameter of the "
    "pretrained part, and only there.",
    "Each family keeps its base under its own attribute (`model.bert`, `model.roberta`, ...), but "
    "`model.base_model` is the base in every family.",
    "`for p in model.base_model.parameters(): p.requires_grad = False` "
    "(or `model.base_model.requires_grad_(False)`).",
)

EVERYTHING_FROZEN_LESSON = (
    "Nothing in your model can train: you froze the head too. A probe freezes only the base "
    "(`model.base_model`) and leaves the classification head trainable."
)
NOTHING_FROZEN_LESSON = (
    "The base of your model still trains: every one of its parameters has `requires_grad=True`. "
    "(`model.eval()` does not freeze anything, it only switches dropout off.) Set "
    "`requires_grad = False` on the parameters of `model.base_model`."
)
PARTLY_FROZEN_LESSON = (
    "Part of the base still trains: a probe freezes every parameter of `model.base_model` "
    "(embeddings, every layer, the pooler), not only some of them."
)
HEAD_FROZEN_LESSON = "Part of the classification head is frozen: every head parameter must stay trainable."
HARD_CODED_LESSON = (
    "`model.{attribute}` exists only in one family; other architectures keep their base under "
    "another name. `model.base_model` is the base whatever the architecture."
)
BASE_GRADIENT_LESSON = (
    "After a backward pass, parameters of the base got gradients: they are not frozen. A frozen "
    "parameter has `requires_grad=False`, so its `.grad` stays None."
)
NO_GRADIENT_LESSON = (
    "The loss has no gradient at all, so nothing can be trained: leave the head's parameters "
    "trainable and freeze only `model.base_model`."
)
HEAD_GRADIENT_LESSON = "After a backward pass, some head parameters have no gradient: the head must stay trainable."

_PROBE_LABELS = 4
_TEXTS = ("the cat sat on the mat", "a dog runs in the park every morning with his friend")


@cache
def _base_attributes() -> frozenset[str]:
    """The attribute each encoder family keeps its base under (`bert`, `roberta`, ...)."""
    from transformers import AutoModelForSequenceClassification

    return frozenset(
        m.expected_class(AutoModelForSequenceClassification, name).base_model_prefix for name in zoo.ENCODERS
    )


def _crash_lesson(crash: LearnerCrash) -> str | None:
    attribute = b2.missing_attribute(crash)
    if attribute in _base_attributes():
        return HARD_CODED_LESSON.format(attribute=attribute)
    return None


def _probe(attempt, name: str, num_labels: int) -> Any:
    with b2.lesson_on_crash(_crash_lesson, on=name, num_labels=num_labels):
        value = attempt.prepare_probe(m.checkpoint(name), num_labels)
    model = b1.expect_classifier(value, "prepare_probe", name)
    b1.expect_head_size(model, name, num_labels, num_labels=num_labels)
    return model


def _few(names: set[str]) -> list[str]:
    return sorted(names)[:4] + (["..."] if len(names) > 4 else [])


@check("prepare_probe loads the trained classifier with num_labels outputs", family=zoo.ENCODERS)
def loads_a_classifier(attempt, name):
    @given(num_labels=st.integers(2, 12))
    def prop(num_labels):
        m.expect_loaded(_probe(attempt, name, num_labels), name)

    prop()


@check("the trainable parameters are exactly the head's", family=zoo.ENCODERS)
def only_the_head_trains(attempt, name):
    model = _probe(attempt, name, _PROBE_LABELS)
    head = set(m.head_parameters(model))
    base = {n for n, _ in model.named_parameters()} - head
    trainable = {n for n, p in model.named_parameters() if p.requires_grad}
    if trainable == head:
        return
    shown = dict(on=name, head_parameters=_few(head), trainable_base_parameters=_few(trainable & base))
    if not trainable:
        fail(EVERYTHING_FROZEN_LESSON, **shown)
    if base <= trainable:
        fail(NOTHING_FROZEN_LESSON, **shown)
    if trainable & base:
        fail(PARTLY_FROZEN_LESSON, **shown)
    fail(HEAD_FROZEN_LESSON, **shown, frozen_head_parameters=_few(head - trainable))


@check("a backward pass leaves the base's gradients None and fills the head's", family=zoo.ENCODERS)
def backward_reaches_only_the_head(attempt, name):
    import torch

    model = _probe(attempt, name, _PROBE_LABELS)
    batch = m.tokenizer(name)(list(_TEXTS), padding=True, return_tensors="pt")
    loss = model(**batch, labels=torch.tensor([0, _PROBE_LABELS - 1])).loss
    if not loss.requires_grad:
        fail(NO_GRADIENT_LESSON, on=name)
    loss.backward()
    head = m.head_parameters(model)
    with_gradient = {n for n, p in model.named_parameters() if p.grad is not None}
    if with_gradient - set(head):
        fail(BASE_GRADIENT_LESSON, on=name, base_parameters_with_gradients=_few(with_gradient - set(head)))
    if set(head) - with_gradient:
        fail(HEAD_GRADIENT_LESSON, on=name, head_parameters_without_gradients=_few(set(head) - with_gradient))
