"""Heads: a learner's classifier and the task head on top of its base model, and their logits.

`expect_classifier` and `expect_head_size` prove a classifier's class and the
size of its head. The tiny zoo checkpoints have random heads whose outputs are
nearly constant (every text 'positive'), which hides wrong answers:
`sharpen_head`, `sharp_classifier` and `split_decisions` spread the decisions
over the labels, and `near_ties` finds the texts float noise could still
decide. `batch_logits` and `logits_of` give a padded batch's logits;
`loss_with_labels` a forward pass's loss.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from typing import Any

from autokata.kit import checkpoints, loading
from autokata.kit.outcomes import fail


CLASS_LESSON = (
    "`{got}` is not a whole-text classifier: it has no head that gives one score per label for the "
    "whole text (a bare encoder stops at token vectors, a token tagger scores every token, a language "
    "model head scores the vocabulary)."
)

HEAD_SIZE_LESSON = (
    "The classification head must have exactly one output per label: for one text, logits of shape "
    "[1, number of labels]."
)

CONFIG_SIZE_LESSON = (
    "Your head has the right size but the config's count of labels disagrees: the config must describe "
    "the head, or a saved model reloads with the wrong one. Ask for the labels when you load instead of "
    "swapping modules by hand."
)


def expect_classifier(value: Any, function: str, name: str) -> Any:
    """A learner's loader must return the sequence-classification class for the checkpoint."""
    from transformers import AutoModelForSequenceClassification

    model = loading.expect_model(value, function, name)
    loading.expect_class(
        model, AutoModelForSequenceClassification, name, CLASS_LESSON.format(got=type(model).__name__)
    )
    return model


def batch_logits(model: Any, tokenizer: Any, texts: list[str], attention: bool = True) -> Any:
    """The model's logits for a padded batch (without its attention mask if asked: a common mistake)."""
    import torch

    batch = tokenizer(list(texts), padding=True, return_tensors="pt")
    if not attention:
        batch.pop("attention_mask")
    with torch.no_grad():
        return model(**batch).logits


def logits_of(model: Any, name: str, texts: Sequence[str]) -> Any:
    """The model's logits for a padded batch, tokenized by the checkpoint's tokenizer (eval mode, no gradient)."""
    return batch_logits(model.eval(), checkpoints.tokenizer(name), texts)


TRAINING_MODE_LESSON = (
    "`{function}` switched the model it was given into training mode (`model.train()`), so dropout "
    "zeroes random activations at every forward pass and the same text can get different scores from "
    "one call to the next. Predictions are made with dropout off: leave the model in evaluation mode, "
    "as it was handed to you."
)


#: Each model `predicting` handed to learner code, and its dtype the first time.
_FIRST_DTYPE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def predicting(call: Any, model: Any, name: str, function: str, **shown: Any) -> Any:
    """`call()`, a learner's prediction on `model` (the learner's own, whose changes come back to it),
    failing with its lesson if the learner's code switched the model into training mode.

    The model goes over in evaluation mode, as a loaded model is, every time: a mode the learner's
    code set on an earlier call (hypothesis replays a failing example) is not blamed on this one.
    A cast to a lower precision during the call gets the precision lesson.
    """
    import torch

    model.eval()
    # The precision the model had when first handed over: a replayed example sees the same lesson.
    full_precision = _FIRST_DTYPE.setdefault(model, next(model.parameters()).dtype) == torch.float32
    value = call()
    if model.training:
        fail(TRAINING_MODE_LESSON.format(function=function), on=name, **shown)
    if full_precision:  # a cast by the learner's prediction code, not its loader
        loading.expect_full_precision(model, name, function)
    return value


def expect_head_size(model: Any, name: str, size: int, lesson: str = HEAD_SIZE_LESSON, **shown: Any) -> None:
    """The logits of one text must have shape [1, size], and the config must say so too."""
    shape = tuple(logits_of(model, name, ["the cat sat on the mat"]).shape)
    if shape != (1, size):
        fail(lesson, on=name, **shown, expected_logits_shape=(1, size), got_logits_shape=shape)
    if model.config.num_labels != size:
        fail(CONFIG_SIZE_LESSON, on=name, **shown, expected_label_count=size, config_label_count=model.config.num_labels)


def head_parameters(model: Any) -> dict[str, Any]:
    """Parameters outside the base model: the task head."""
    base_ids = {id(p) for p in model.base_model.parameters()}
    return {n: p for n, p in model.named_parameters() if id(p) not in base_ids}


def sharpen_head(model: Any, seed: int = 0, std: float = 0.6) -> None:
    """Re-initialise the task head, seeded and with a large variance.

    Tiny random heads give near-constant argmax outputs (every text 'positive'),
    which hides wrong answers; a wide seeded head spreads decisions across labels.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for _, parameter in sorted(head_parameters(model).items()):
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * std)


def sharp_classifier(
    name: str, seed: int, id2label: dict[int, str] | None = None, label2id: dict[str, int] | None = None, **kwargs: Any
) -> Any:
    """A fresh classifier from the checkpoint with a seeded, wide head, for reference outputs.

    A copy of one classifier loaded per checkpoint and head shape (a load costs about
    20 ms, a copy 4 ms, and checks ask for one per drawn example); the label names go into
    the copy's config, which is all loading with them does (same config, weights and
    logits on every encoder). Never shared, so learner code cannot disturb other checks.
    """
    import copy

    if id2label is not None:
        kwargs["num_labels"] = len(id2label)
    model = copy.deepcopy(_classifier(name, tuple(sorted(kwargs.items()))))
    if id2label is not None:
        model.config.id2label = dict(id2label)
    if label2id is not None:
        model.config.label2id = dict(label2id)
    sharpen_head(model, seed)
    return model


@functools.lru_cache(maxsize=32)
def _classifier(name: str, settings: tuple[tuple[str, Any], ...]) -> Any:
    """The checkpoint as a sequence classifier with these settings (copied, never handed out)."""
    from transformers import AutoModelForSequenceClassification

    return AutoModelForSequenceClassification.from_pretrained(checkpoints.checkpoint(name), **dict(settings)).eval()


def split_decisions(model: Any, tokenizer: Any, texts: list[str], logits: Any = None) -> None:
    """Rescale and shift a two-label head so that these texts fall on both sides
    of its decision boundary, well apart from it.

    A tiny random encoder gives every text nearly the same vector, so even a
    sharpened head labels a whole batch alike; this makes a wrong batching or
    a wrong label lookup show in the predictions. `logits`: the batch's logits
    before the change, when the caller has them already.
    """
    import torch

    diff = _margins(batch_logits(model, tokenizer, texts) if logits is None else logits)
    ordered = diff.sort().values
    middle = len(ordered) // 2
    threshold = float(ordered[middle - 1] + ordered[middle]) / 2
    scale = 1.0 / max(float(diff.std()), 1e-6)
    layer = _output_layer(model)
    with torch.no_grad():
        layer.weight.mul_(scale)
        layer.bias.mul_(scale)
        layer.bias[1] -= scale * threshold


def near_ties(logits: Any, tolerance: float = 1e-3) -> list[bool]:
    """Texts whose two scores are too close for float noise to decide between them."""
    return [abs(float(d)) < tolerance for d in _margins(logits)]


def _margins(logits: Any) -> Any:
    return logits[:, 1] - logits[:, 0]


def _output_layer(model: Any) -> Any:
    """The head's last linear layer, the one that outputs one score per label."""
    import torch

    head = {id(p) for p in head_parameters(model).values()}
    layers = [
        module for module in model.modules()
        if isinstance(module, torch.nn.Linear) and id(module.weight) in head
        and module.out_features == model.config.num_labels
    ]
    return layers[-1]


def loss_with_labels(model: Any, name: str, texts: Sequence[str], labels: Any) -> tuple[Any, Any]:
    """`(loss, logits)` of one forward pass with `labels`; an error becomes `(error, None)`.

    Models configured for the wrong problem type often raise on the labels
    instead of computing a wrong loss; the caller turns either into a lesson.
    """
    import torch

    batch = checkpoints.tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    try:
        with torch.no_grad():
            out = model.eval()(**batch, labels=labels)
    except (RuntimeError, ValueError) as error:
        return error, None
    return out.loss, out.logits
