"""Helpers shared by the task-head katas of Track A (06-10): which Auto class a
model belongs to, private models a check may change, and return-value checks.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from autokata.kit import models as m
from autokata.kit import returns
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
