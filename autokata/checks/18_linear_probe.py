"""Hidden checks for kata 18: a linear probe freezes `base_model` and trains only the head."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, heads, loading
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "AutoModelForSequenceClassification",
    "from_pretrained",
    "base_model",
    "base_model_prefix",
    "requires_grad",
    "requires_grad_",
    "named_parameters",
)

LESSON = """
`AutoModelForSequenceClassification.from_pretrained(path, num_labels=n)` gives the checkpoint's
pretrained transformer with a new classification head on top. A linear probe trains only that
head: PyTorch updates a parameter only while its `requires_grad` is True, so the probe sets it to
False on every parameter of the pretrained part, and leaves the head alone.

The pretrained part sits under a different attribute in each family (`model.bert`,
`model.roberta`, `model.distilbert`, `model.transformer` for GPT-2, `model.model` for Llama and
Qwen2), but every transformers model also exposes it as `model.base_model`, so one loop freezes it
whatever the architecture:

    for parameter in model.base_model.parameters():
        parameter.requires_grad = False

(or `model.base_model.requires_grad_(False)`). Everything outside `base_model` is the head, and
it is not one layer with one name: BERT and ALBERT have `classifier`, RoBERTa and ELECTRA a
`classifier` with a dense layer inside, DistilBERT `pre_classifier` + `classifier`, GPT-2, Llama
and Qwen2 a layer named `score`, and DeBERTa-v2 keeps its pooler in the head. So a rule on names
("freeze everything not called classifier") freezes a decoder's head, and hard-coding
`model.bert` fails on every other family.

`model.eval()` freezes nothing: it switches dropout off, and the weights still get gradients.
The checks load your probe on encoders and decoders, require the trainable parameters to be
exactly the head's, and run a backward pass: the base's `.grad` must stay None, the head's filled.
"""

HINTS = (
    "Load the classifier as usual, then stop every parameter of its pretrained part from "
    "training, and only there: the part is not called the same in every family, but every model "
    "can hand it to you.",
    "`model.base_model` is the pretrained part in every family; a parameter stops training when "
    "its `requires_grad` is False.",
    "`for p in model.base_model.parameters(): p.requires_grad = False` "
    "(or `model.base_model.requires_grad_(False)`).",
)

CLASS_LESSON = (
    "`{got}` is not a sequence classifier: it has no head that gives one score per label for the "
    "whole text, so there is nothing to probe with."
)
RUN_LESSON = "The classifier you returned cannot classify one short text: a probe must still run forward."
HEAD_SIZE_LESSON = (
    "The classification head must have exactly one output per label asked for: for one text, "
    "logits of shape [1, number of labels], and a config that says the same number."
)
NOT_LOADED_LESSON = (
    "Your classifier's base is not the checkpoint's: a freshly initialised transformer (built from "
    "its config, or from the class itself) knows nothing, and probing it measures nothing. The "
    "trained weights are in the checkpoint folder."
)
EVERYTHING_FROZEN_LESSON = (
    "Nothing in your model can train: you froze the head too. A probe freezes only the pretrained "
    "base and leaves the whole classification head trainable."
)
HEAD_NAMED_LESSON = (
    "Nothing in your model can train: its head is frozen too. This architecture's head is not "
    "called `classifier` (its parameters are below), and not every family calls its head "
    "`classifier`: if you picked what to freeze by that name, your rule froze this head as well. "
    "Freeze what belongs to the pretrained base, whatever its parts are named."
)
NOTHING_FROZEN_LESSON = (
    "The base of your model still trains: every one of its parameters can still be updated. "
    "(Evaluation mode does not freeze anything, it only switches dropout off.)"
)
PARTLY_FROZEN_LESSON = (
    "Part of the base still trains: a probe freezes every parameter of the pretrained base "
    "(embeddings, every layer, the pooler), not only some of them."
)
HEAD_FROZEN_LESSON = (
    "Part of the classification head is frozen: every head parameter must stay trainable. Heads "
    "are not one layer with one name (some have a dense layer or a pooler of their own), so "
    "freezing by name or by position catches part of some heads."
)
HARD_CODED_LESSON = (
    "`model.{attribute}` exists only in one family; this architecture keeps its pretrained base "
    "under another name. Find the base in a way that holds for every architecture."
)
MISSING_PART_LESSON = (
    "Your code asked {owner} for `{attribute}`, which it does not have: the parts of a model are "
    "named differently in each family, so code that names them works on some architectures only."
)
BASE_GRADIENT_LESSON = (
    "After a backward pass, parameters of the base got gradients: they are not frozen. A frozen "
    "parameter is one that cannot train, so it receives no gradient at all."
)
NO_GRADIENT_LESSON = (
    "The loss has no gradient at all, so nothing can be trained: leave the head's parameters "
    "trainable and freeze only the pretrained base."
)
HEAD_GRADIENT_LESSON = "After a backward pass, some head parameters have no gradient: the head must stay trainable."

_FAMILIES = zoo.ENCODERS + zoo.DECODERS
_PROBE_LABELS = 4
_TEXTS = ("the cat sat on the mat", "a dog runs in the park every morning with his friend")
_MISSING_PART = re.compile(r"'(\w+)' object has no attribute '(\w+)'")


@cache
def _base_attributes() -> frozenset[str]:
    """The attribute each family keeps its base under (`bert`, `roberta`, `transformer`, `model`...)."""
    from transformers import AutoModelForSequenceClassification

    return frozenset(
        loading.expected_class(AutoModelForSequenceClassification, name).base_model_prefix for name in _FAMILIES
    )


def _crash_lesson(crash: LearnerCrash) -> str | None:
    attribute = crashes.missing_attribute(crash)
    if attribute is None:
        return None
    if attribute in _base_attributes():
        return HARD_CODED_LESSON.format(attribute=attribute)
    part = _MISSING_PART.search(crashes.crash_line(crash))
    if part:
        return MISSING_PART_LESSON.format(owner=f"a `{part.group(1)}`", attribute=attribute)
    return None


def _logits(model: Any, name: str, text: str, **labels: Any) -> Any:
    """One unpadded text through the model (decoders need no pad token for a batch of one)."""
    batch = checkpoints.tokenizer(name)(text, return_tensors="pt")
    return model(**batch, **labels)


def _probe(attempt, name: str, num_labels: int) -> Any:
    import torch
    from transformers import AutoModelForSequenceClassification

    with crashes.lesson_on_crash(_crash_lesson, on=name, num_labels=num_labels):
        value = attempt.prepare_probe(checkpoints.checkpoint(name), num_labels)
    model = loading.expect_model(value, "prepare_probe", name)
    loading.expect_class(model, AutoModelForSequenceClassification, name, CLASS_LESSON.format(got=type(model).__name__))

    try:
        with torch.no_grad():
            shape = tuple(_logits(model.eval(), name, _TEXTS[0]).logits.shape)
    except Exception as error:  # noqa: BLE001 - a classifier that cannot run one text is the lesson
        fail(RUN_LESSON, on=name, num_labels=num_labels, text=_TEXTS[0], it_raised=f"{type(error).__name__}: {error}")
    if shape != (1, num_labels) or model.config.num_labels != num_labels:
        fail(
            HEAD_SIZE_LESSON, on=name, num_labels=num_labels, expected_logits_shape=(1, num_labels),
            got_logits_shape=shape, got_config_labels=model.config.num_labels,
        )
    return model


def _few(names: set[str]) -> list[str]:
    return sorted(names)[:4] + (["..."] if len(names) > 4 else [])


@check("prepare_probe loads the trained classifier with num_labels outputs", family=_FAMILIES)
def loads_a_classifier(attempt, name):
    @given(num_labels=st.integers(2, 12))
    @example(num_labels=2)
    @example(num_labels=7)
    def prop(num_labels):
        model = _probe(attempt, name, num_labels)
        if not loading.same_weights(model, name):
            fail(NOT_LOADED_LESSON, on=name, num_labels=num_labels)

    prop()


@check("the trainable parameters are exactly the head's", family=_FAMILIES)
def only_the_head_trains(attempt, name):
    model = _probe(attempt, name, _PROBE_LABELS)
    head = set(heads.head_parameters(model))
    base = {n for n, _ in model.named_parameters()} - head
    trainable = {n for n, p in model.named_parameters() if p.requires_grad}
    if trainable == head:
        return
    shown = dict(on=name, head_parameters=_few(head), trainable_base_parameters=_few(trainable & base))
    if not trainable:
        named = any("classifier" in parameter for parameter in head)
        fail(EVERYTHING_FROZEN_LESSON if named else HEAD_NAMED_LESSON, **shown)
    if base <= trainable:
        fail(NOTHING_FROZEN_LESSON, **shown)
    if trainable & base:
        fail(PARTLY_FROZEN_LESSON, **shown)
    fail(HEAD_FROZEN_LESSON, **shown, frozen_head_parameters=_few(head - trainable))


@check("a backward pass leaves the base's gradients None and fills the head's", family=_FAMILIES)
def backward_reaches_only_the_head(attempt, name):
    import torch

    model = _probe(attempt, name, _PROBE_LABELS)
    losses = [_logits(model, name, text, labels=torch.tensor([label])).loss
              for text, label in zip(_TEXTS, (0, _PROBE_LABELS - 1))]
    loss = sum(losses)
    if not loss.requires_grad:
        fail(NO_GRADIENT_LESSON, on=name)
    loss.backward()
    head = heads.head_parameters(model)
    with_gradient = {n for n, p in model.named_parameters() if p.grad is not None}
    if with_gradient - set(head):
        fail(BASE_GRADIENT_LESSON, on=name, base_parameters_with_gradients=_few(with_gradient - set(head)))
    if set(head) - with_gradient:
        fail(HEAD_GRADIENT_LESSON, on=name, head_parameters_without_gradients=_few(set(head) - with_gradient))
