"""What a report says about one learner: a row per kata with its state, message and check time.

Kept apart from how the rows are found (`pool`) and how they are written
(`formats`), so both share one vocabulary of states.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from autokata import course
from autokata.runner import State

#: States a report adds to the kata states (solved, failing, not started).
MISSING = "missing"
TIMEOUT = "timeout"
STATES = (State.SOLVED.value, State.FAILING.value, State.NOT_STARTED.value, MISSING, TIMEOUT)
MISSING_MESSAGE = "There is no {file} in {folder}."


@dataclass(frozen=True)
class KataResult:
    """One learner x kata row; `seconds` is None when nothing was checked (a missing file);
    `flags` are what an instructor should look at (`flags.py`), never part of the verdict."""

    kata: str
    file: str
    state: str
    message: str
    seconds: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class LearnerResult:
    name: str
    folder: str
    katas: tuple[KataResult, ...]

    @property
    def solved(self) -> int:
        return sum(result.state == State.SOLVED.value for result in self.katas)

    @property
    def total(self) -> int:
        return len(self.katas)


def missing(kata: course.Kata, folder: Path) -> KataResult:
    """The row of a kata file a learner's folder does not have."""
    message = MISSING_MESSAGE.format(file=kata.filename, folder=folder)
    return KataResult(kata.code, str(folder / kata.filename), MISSING, message, None)


def learner_names(folders: list[Path]) -> list[str]:
    """Each folder's own name (`class/alice` is alice), or its full path where two names clash."""
    names = [folder.resolve().name for folder in folders]
    return [name if names.count(name) == 1 else str(folder) for name, folder in zip(names, folders)]
