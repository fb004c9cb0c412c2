"""Return-type checks shared by every kata: a wrong type gets a lesson, never a crash in the check."""

from __future__ import annotations

import numbers
from typing import Any

from autokata.kit.outcomes import fail


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
