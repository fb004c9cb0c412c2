"""What a check can conclude about an attempt, as exceptions a check raises.

A check either returns (the behaviour is right) or raises one of these; the
runner turns them into the three kata states and a message for the learner.
`CallOutcome` keeps one learner call's value or crash for a check to diagnose
before it decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

_MAX_SHOWN = 300


class KataFailure(AssertionError):
    """The attempt runs but does the wrong thing; the message teaches why."""

    def __init__(self, lesson: str, shown: dict[str, Any] | None = None) -> None:
        self.lesson = lesson
        self.shown = dict(shown or {})
        super().__init__(self.render())

    def render(self) -> str:
        lines = [self.lesson.strip()]
        width = max((len(k) for k in self.shown), default=0)
        for key, value in self.shown.items():
            lines.append(f"  {key + ':':<{width + 1}} {_short(value)}")
        return "\n".join(lines)


class NotStarted(Exception):
    """The learner's function still raises the stub's NotImplementedError."""


class LearnerCrash(Exception):
    """The learner's code raised something unexpected; `trace` holds their own frames."""

    def __init__(self, summary: str, trace: str) -> None:
        self.summary = summary
        self.trace = trace
        super().__init__(f"{summary}\n{trace}".rstrip())

    @property
    def last_line(self) -> str:
        """The exception line of the crash (`IndexError: index out of range in self`)."""
        lines = [line for line in self.trace.splitlines() if line.strip()]
        return lines[-1].strip() if lines else self.summary


@dataclass
class CallOutcome:
    """What one learner call gave: its value, or the crash it raised, kept for diagnosis.

    Watches that record what the call did (`generate_watches.Generation`,
    `forward_passes.Run`) add their records to it.
    """

    value: Any = None
    crash: LearnerCrash | None = None

    def take(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> "CallOutcome":
        """Make the call, keeping its value or its crash; returns this outcome."""
        try:
            self.value = call(*args, **kwargs)
        except LearnerCrash as crash:
            self.crash = crash
        return self

    def result(self) -> Any:
        """The value returned, or the learner's crash re-raised when no check explained it."""
        if self.crash is not None:
            raise self.crash
        return self.value


def fail(lesson: str, **shown: Any) -> NoReturn:
    """Reject the attempt: one or two plain sentences, then the values that show it.

    Keyword names become labels, with underscores read as spaces:
    `fail("...", on="roberta", drawn_labels=[...], expected=..., got=...)`.
    """
    labelled = {key.replace("_", " "): value for key, value in shown.items()}
    if "on" in labelled:
        labelled["on"] = Plain(f"the tiny {labelled['on']} checkpoint")
    raise KataFailure(lesson, labelled)


class Plain(str):
    """A shown value printed as it is, without quotes (checkpoint names, prose)."""


def _short(value: Any) -> str:
    text = str(value) if isinstance(value, Plain) else repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"
