"""Return-value expectations shared by every kata: a wrong type or shape of answer gets a lesson,
never a crash in the check.

Each `expect_*` takes what the learner's function returned, the function's
name and the checkpoint's, and gives the value back as the check wants it (a
plain int, a list of str, a mapping, ...), or fails saying what came back
instead.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

from autokata.kit.outcomes import Plain, fail


def _got(value: Any) -> str:
    return f"{type(value).__name__}: {value!r}"[:200]


def expect_text(value: Any, function: str, name: str, **shown: Any) -> str:
    """A learner's generated text must be one `str`."""
    if isinstance(value, str):
        return value
    fail(
        f"`{function}` should return the text itself, one `str` (decode the new token ids with the tokenizer).",
        on=name, **shown, got=_got(value),
    )


def expect_int(value: Any, function: str, name: str, **shown: Any) -> int:
    """A learner's index as a plain int (Python or numpy int; not a tensor, not a bool)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    hint = " (a one-element tensor: call `.item()` on it)" if type(value).__name__ == "Tensor" else ""
    fail(f"`{function}` should return a plain Python int{hint}.", on=name, **shown, got=_got(value))


def expect_float(value: Any, function: str, name: str, **shown: Any) -> float:
    """A learner's number as a plain float (not a tensor)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    fail(
        f"`{function}` should return a plain Python float (for a one-element tensor, use `.item()`).",
        on=name, **shown, got=Plain(_got(value)),
    )


def is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def expect_int_list(value: Any, length: int, function: str, name: str, **shown: Any) -> list[int]:
    """A list of `length` integers (one per text)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value):
        if len(value) == length:
            return [int(v) for v in value]
        fail(f"`{function}` should return one label index per text.", on=name, **shown,
             expected_length=length, got=list(value))
    hint = " (a tensor: call `.tolist()` on it)" if type(value).__name__ == "Tensor" else ""
    fail(
        f"`{function}` should return a list of ints, one predicted label index per text{hint}.",
        on=name, **shown, got=_got(value),
    )


def list_problem(value: Any, length: int | None = None) -> str | None:
    """What keeps `value` from being a list (a tuple will do) of strings, `length` of them if
    given, or None."""
    if not isinstance(value, (list, tuple)):
        return f"a {type(value).__name__}, not a list"
    if length is not None and len(value) != length:
        return f"{len(value)} item(s) instead of {length}"
    wrong = next((item for item in value if not isinstance(item, str)), None)
    if wrong is not None:
        return f"an item of type {type(wrong).__name__} ({wrong!r}), not str"
    return None


def expect_str_list(value: Any, function: str, name: str, length: int | None = None, **shown: Any) -> list[str]:
    """The learner's function must return a list of strings (`length` of them, if given)."""
    problem = list_problem(value, length)
    if problem is not None:
        wanted = "strings" if length is None else f"{length} string(s)"
        fail(
            f"`{function}` should return a list of {wanted}; yours returned {problem}.",
            on=name, **shown, got=repr(value)[:200],
        )
    return list(value)


def expect_texts(value: Any, count: int, function: str, name: str, **shown: Any) -> list[str]:
    """A list of `count` strings, or a lesson saying what came back instead."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        fail(
            f"`{function}` should return a list of strings, one decoded text per sequence.",
            on=name, **shown, got=f"{type(value).__name__}: {value!r}",
        )
    if len(value) != count:
        fail(
            f"`{function}` should return exactly {count} text(s) here.",
            on=name, **shown, expected_count=count, got_count=len(value), got=list(value),
        )
    return list(value)


def expect_mapping(value: Any, function: str, keys: Sequence[str], lesson: str, **shown: Any) -> Mapping:
    """A learner's function must return a mapping holding at least `keys`."""
    if not isinstance(value, Mapping):
        fail(lesson, **shown, got=_got(value))
    missing = [key for key in keys if key not in value]
    if missing:
        fail(
            f"`{function}` returned a mapping without the key(s) {missing}. " + lesson,
            **shown, got_keys=sorted(map(str, value)),
        )
    return value
