"""How a check module declares its checks: `@check("what it proves", family=...)`.

A check is a plain function taking the learner's `Attempt` (and, when it runs
across a zoo family, the checkpoint name). Declaration order is the order the
learner sees them in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any


@dataclass(frozen=True)
class Check:
    title: str
    function: Callable[..., None]
    family: tuple[str, ...] | None

    @property
    def name(self) -> str:
        return self.function.__name__

    def cases(self) -> Iterator[str | None]:
        """One run per checkpoint of the family, or a single run without one."""
        yield from self.family if self.family else (None,)

    def run(self, attempt: Any, checkpoint: str | None) -> None:
        if checkpoint is None:
            self.function(attempt)
            return
        from autokata.kit import profiles

        with profiles.spread_over(len(self.family)):
            self.function(attempt, checkpoint)


def check(title: str, *, family: Sequence[str] | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Mark a function as one of the kata's hidden checks."""

    def mark(function: Callable[..., None]) -> Callable[..., None]:
        function.kata_check = Check(title, function, tuple(family) if family else None)  # type: ignore[attr-defined]
        return function

    return mark


def checks_in(module: ModuleType) -> list[Check]:
    return [value.kata_check for value in vars(module).values() if hasattr(value, "kata_check")]
