"""Each kata's standing: from the verdict cache when its file is unchanged, else from a check.

A cached verdict is keyed by the kata file's bytes and its check module's
source, so `autokata list` re-checks only what changed since the last look
(and everything, should the checks themselves change with an upgrade). Only a
cache miss needs torch, so a fully cached `list` answers without importing it.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from autokata import course
from autokata.cli import state
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
    """What a verdict depends on: the learner's file and the kata's hidden checks."""
    digest = hashlib.sha256(file.read_bytes())
    digest.update(Path(importlib.util.find_spec(kata.check_module).origin).read_bytes())
    return digest.hexdigest()


def _uncheckable(project: Project, kata: course.Kata) -> KataStatus | None:
    """The status of a kata that cannot be checked (no checks yet, no file), else None."""
    file = project.file(kata)
    if not checks_exist(kata):
        return KataStatus(kata, file, Standing.NOT_AVAILABLE, NOT_AVAILABLE_LESSON.format(code=kata.code))
    if not file.is_file():
        lesson = MISSING_LESSON.format(file=project.shown(file), code=kata.code)
        return KataStatus(kata, file, Standing.MISSING, lesson)
    return None


def cached(project: Project, kata: course.Kata, saved: state.State) -> KataStatus | None:
    """The kata's status without checking, when known: uncheckable, or its file unchanged."""
    known = _uncheckable(project, kata)
    if known is not None:
        return known
    file = project.file(kata)
    verdict = saved.verdicts.get(kata.code)
    if verdict is not None and verdict.key == cache_key(kata, file):
        return KataStatus(kata, file, Standing(verdict.state), verdict.message)
    return None


def record(project: Project, kata: course.Kata, key: str, verdict: "Verdict") -> KataStatus:
    """Remember a fresh verdict for the file content it was reached for."""
    with state.updating(project.state_dir) as saved:
        saved.verdicts[kata.code] = state.CachedVerdict(key, verdict.state, verdict.message)
    return KataStatus(kata, project.file(kata), Standing(verdict.state), verdict.message)


def stale(project: Project, katas: list[course.Kata] | None = None) -> list[course.Kata]:
    """The katas whose verdict is not cached: what `statuses` will have to check."""
    saved = state.load(project.state_dir)
    return [k for k in (project.katas() if katas is None else katas) if cached(project, k, saved) is None]


def statuses(
    project: Project, katas: list[course.Kata] | None = None, checker: "WarmChecker | None" = None
) -> list[KataStatus]:
    """Every kata's status (default: the project's katas), checking only those not cached."""
    saved = state.load(project.state_dir)
    found = []
    for kata in project.katas() if katas is None else katas:
        status = cached(project, kata, saved)
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
