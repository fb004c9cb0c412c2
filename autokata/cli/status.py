"""Each kata's standing: from the verdict store when its file's content was judged, else from a check.

The store (`autokata.verdicts`, shared with pytest, watch and warm-ups) keys a
verdict by the kata file's content and the check version, so `autokata list`
re-checks only what changed since anything last judged it (and everything,
should the checks or the libraries change with an upgrade). Only a miss needs
torch, so `list` right after `pytest katas/` answers without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from autokata import course, verdicts
from autokata.cli.project import Project, checks_exist

if TYPE_CHECKING:
    from autokata.cli.checker import Verdict, WarmChecker


class Standing(str, Enum):
    """The three kata states of the course, and two a project can add while katas land or vanish."""

    SOLVED = "solved"
    FAILING = "failing"
    NOT_STARTED = "not started"
    NOT_AVAILABLE = "not available yet"
    MISSING = "file missing"


SYMBOLS = {
    Standing.SOLVED: "✓",
    Standing.FAILING: "✗",
    Standing.NOT_STARTED: "○",
    Standing.NOT_AVAILABLE: "·",
    Standing.MISSING: "?",
}
NOT_AVAILABLE_LESSON = "Kata {code} is not available yet: its checks have not landed in this version of autokata."
MISSING_LESSON = "{file} is missing: `autokata reset {code}` brings back the original stub."


@dataclass(frozen=True)
class KataStatus:
    kata: course.Kata
    file: Path
    standing: Standing
    message: str = ""

    @property
    def checkable(self) -> bool:
        return self.standing not in (Standing.NOT_AVAILABLE, Standing.MISSING)


def cache_key(kata: course.Kata, file: Path) -> str:
    """What a verdict depends on: the learner's file content and the check version."""
    return verdicts.file_key(kata, file)


def _uncheckable(project: Project, kata: course.Kata) -> KataStatus | None:
    """The status of a kata that cannot be checked (no checks yet, no file), else None."""
    file = project.file(kata)
    if not checks_exist(kata):
        return KataStatus(kata, file, Standing.NOT_AVAILABLE, NOT_AVAILABLE_LESSON.format(code=kata.code))
    if not file.is_file():
        lesson = MISSING_LESSON.format(file=project.shown(file), code=kata.code)
        return KataStatus(kata, file, Standing.MISSING, lesson)
    return None


def cached(project: Project, kata: course.Kata, stored: verdicts.Verdicts) -> KataStatus | None:
    """The kata's status without checking, when known: uncheckable, or its content judged before."""
    known = _uncheckable(project, kata)
    if known is not None:
        return known
    file = project.file(kata)
    verdict = stored.find(kata, cache_key(kata, file))
    if verdict is not None:
        return KataStatus(kata, file, Standing(verdict.state), verdict.message)
    return None


def record(project: Project, kata: course.Kata, key: str, verdict: "Verdict") -> KataStatus:
    """Remember a fresh verdict for the file content it was reached for."""
    verdicts.record(project.state_dir, [(kata, verdicts.StoredVerdict(key, verdict.state, verdict.message))])
    return KataStatus(kata, project.file(kata), Standing(verdict.state), verdict.message)


def stored(project: Project) -> verdicts.Verdicts:
    return verdicts.load(project.state_dir)


def stale(project: Project, katas: list[course.Kata] | None = None) -> list[course.Kata]:
    """The katas whose verdict is not stored: what `statuses` will have to check."""
    known = stored(project)
    return [k for k in (project.katas() if katas is None else katas) if cached(project, k, known) is None]


def statuses(
    project: Project, katas: list[course.Kata] | None = None, checker: "WarmChecker | None" = None
) -> list[KataStatus]:
    """Every kata's status (default: the project's katas), checking only those not stored."""
    known = stored(project)
    found = []
    for kata in project.katas() if katas is None else katas:
        status = cached(project, kata, known)
        if status is None:
            checker = checker or _shared_checker()
            file = project.file(kata)
            key = cache_key(kata, file)
            status = record(project, kata, key, checker.check(kata, file))
        found.append(status)
    return found


def _shared_checker() -> "WarmChecker":
    """Imported late: only a cache miss should pay for importing torch."""
    from autokata.cli.checker import shared

    return shared()


def next_up(found: list[KataStatus]) -> KataStatus | None:
    """The first checkable kata in course order that is not solved yet."""
    return next((s for s in found if s.checkable and s.standing is not Standing.SOLVED), None)
