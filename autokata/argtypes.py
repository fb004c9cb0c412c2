"""Argument types shared by the verbs that take numbers and grading seeds (`report`, `export`, `warmup`).

Each is an argparse type: a bad value becomes a usage error naming what was given.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from autokata.kit import profiles

NOT_POSITIVE = "must be a {number} above zero, not {given!r}"


def positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """A number of `kind` above zero."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            number = "whole number" if kind is int else "number"
            raise argparse.ArgumentTypeError(NOT_POSITIVE.format(number=number, given=text))
        return value

    return parse


def grading_seed(text: str) -> int:
    """A whole-number grading seed."""
    try:
        return profiles.parse_seed(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
