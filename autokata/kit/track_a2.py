"""Helpers shared by the task-head katas of Track A (06-10): which Auto class a
model belongs to, private models a check may change, return-value checks, and
the instruments that watch the models handed to learner code (token type ids,
the rows a multiple-choice model reads, the gradient of a returned loss).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.instruments import Instrument
from autokata.kit.outcomes import LearnerCrash, Plain, fail

#: A KeyError for an encoding key some tokenizers never return (RoBERTa, DistilBERT: no token types).
MISSING_KEY_LESSON = (
    "Your code asked the encoding for `{key}`, which this checkpoint's tokenizer does not return: not "
    "every tokenizer gives token types (RoBERTa and DistilBERT models have none at all). Pass the "
    "encoding on as the tokenizer returns it instead of picking keys by name, and find one text's "
    "tokens with something every tokenizer provides."
)
_KEY_ERROR = re.compile(r"^KeyError: '([^']+)'")

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
    m.expect_class(model, getattr(transformers, wanted), name, lesson.format(got=type(model).__name__))


private_copy = m.private_copy


def expect_str_list(value: Any, function: str, name: str, **shown: Any) -> list[str]:
    """A learner's list of strings (a tuple is fine); anything else gets a lesson."""
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    fail(
        f"`{function}` should return a list of strings.",
        on=name, **shown, got=Plain(f"{type(value).__name__}: {value!r}"[:200]),
    )


expect_int = returns.expect_int


def expect_float(value: Any, function: str, name: str, **shown: Any) -> float:
    """A learner's number as a plain float (not a tensor)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    fail(
        f"`{function}` should return a plain Python float (for a one-element tensor, use `.item()`).",
        on=name, **shown, got=Plain(f"{type(value).__name__}: {value!r}"[:200]),
    )


def missing_key(crash: LearnerCrash) -> str | None:
    """The key a KeyError crash asked for, if that is what it was."""
    match = _KEY_ERROR.match(crash.last_line)
    return match.group(1) if match else None


def named(crash: LearnerCrash, name: str) -> LearnerCrash:
    """The same crash, its first line naming the tiny checkpoint it happened on."""
    if name in crash.summary:
        return crash
    return LearnerCrash(f"{crash.summary.rstrip(':')} on the tiny {name} checkpoint:", crash.trace)


@contextmanager
def on_crash(name: str, lesson_for: Callable[[LearnerCrash], str | None] | None = None, **shown: Any) -> Iterator[None]:
    """Inside the block, a learner crash names the architecture it happened on.

    A crash `lesson_for` recognises (it returns a lesson) fails with that lesson and the
    drawn values; a KeyError for an encoding key the tokenizer does not return gets
    MISSING_KEY_LESSON; any other crash is reported with the learner's own frames.
    """
    try:
        yield
    except LearnerCrash as crash:
        lesson = lesson_for(crash) if lesson_for else None
        key = missing_key(crash)
        if lesson is None and key in ("token_type_ids",):
            lesson = MISSING_KEY_LESSON.format(key=key)
        if lesson is not None:
            fail(lesson, on=name, **shown, your_code_raised=crash.last_line)
        raise named(crash, name) from None


def _models_in(args: tuple, kwargs: dict) -> list[Any]:
    """The transformers models among a learner call's arguments (the ones a check handed over)."""
    from transformers import PreTrainedModel

    return [value for value in (*args, *kwargs.values()) if isinstance(value, PreTrainedModel)]


class _Hooking(Instrument):
    """An instrument that hooks the models a learner call is given, and unhooks them after the call."""

    def install(self) -> None:
        self._hooks: list[Any] = []

    def uninstall(self) -> None:
        for hook in getattr(self, "_hooks", []):
            hook.remove()
        self._hooks = []


class TokenTypesSeen(_Hooking):
    """For each forward pass of a model handed to the learner (one with token type embeddings),
    how many of the token type ids it got were non-zero: `counts` (empty for models without)."""

    def __init__(self) -> None:
        self.counts: list[int] = []

    def before(self, args: tuple, kwargs: dict) -> None:
        for model in _models_in(args, kwargs):
            self._hooks += [module.register_forward_pre_hook(self._seen)
                            for key, module in model.named_modules() if key.endswith("token_type_embeddings")]

    def _seen(self, module: Any, args: tuple) -> None:
        self.counts.append(int(args[0].count_nonzero()))


class RowsSeen(_Hooking):
    """What a model handed to the learner reads: every row of token ids that reaches its input
    embeddings, pad ids `pad` removed (`rows`, tuples of ints); the non-zero token type ids of each
    forward pass, where the model has token type embeddings (`token_types`); and for each call of
    the model whether it attended to a pad token (`read_padding`)."""

    def __init__(self, pad: int | None) -> None:
        self.pad = pad
        self.rows: list[tuple[int, ...]] = []
        self.token_types: list[int] = []
        self.read_padding: list[bool] = []

    def before(self, args: tuple, kwargs: dict) -> None:
        for model in _models_in(args, kwargs):
            self._hooks.append(model.get_input_embeddings().register_forward_pre_hook(self._ids))
            self._hooks.append(model.register_forward_pre_hook(self._call, with_kwargs=True))
            self._hooks += [module.register_forward_pre_hook(self._types)
                            for key, module in model.named_modules() if key.endswith("token_type_embeddings")]

    def _ids(self, module: Any, args: tuple) -> None:
        ids = args[0].reshape(-1, args[0].shape[-1])
        self.rows.extend(tuple(t for t in row if t != self.pad) for row in ids.tolist())

    def _types(self, module: Any, args: tuple) -> None:
        self.token_types.append(int(args[0].count_nonzero()))

    def _call(self, module: Any, args: tuple, kwargs: dict) -> None:
        import inspect

        try:
            bound = inspect.signature(module.forward).bind_partial(*args, **kwargs).arguments
        except (TypeError, ValueError):
            return
        ids, mask = bound.get("input_ids"), bound.get("attention_mask")
        if ids is None or not hasattr(ids, "eq"):
            return
        pads = ids.eq(self.pad)
        if mask is not None and hasattr(mask, "shape") and mask.shape == ids.shape:
            self.read_padding.append(bool((pads & mask.ne(0)).any()))
        else:
            self.read_padding.append(bool(pads.any()))


class LossGradient(Instrument):
    """The gradient of a loss a learner function returns, taken where its graph lives, with respect
    to the input embeddings of the model the function was given: `gradient` (a tensor, or None when
    the loss does not reach them), or the text of the error autograd raised (`error`). `taken` says
    whether a gradient was asked for (the result was a tensor that requires grad)."""

    def __init__(self) -> None:
        self.taken = False
        self.gradient: Any = None
        self.error: str | None = None

    def install(self) -> None:
        self._weights: Any = None

    def uninstall(self) -> None:
        self._weights = None

    def before(self, args: tuple, kwargs: dict) -> None:
        models = _models_in(args, kwargs)
        if models:
            self._weights = models[0].get_input_embeddings().weight

    def after(self, result: Any) -> None:
        import torch

        if self._weights is None or not isinstance(result, torch.Tensor) or not result.requires_grad:
            return
        self.taken = True
        try:
            self.gradient = torch.autograd.grad(result.sum(), self._weights, allow_unused=True)[0]
        except Exception as error:  # noqa: BLE001 - what autograd said is the record
            self.error = (str(error).splitlines() or [type(error).__name__])[0][:160]
