"""Pristine course files shipped inside the package: what `reset` restores and `solution` shows.

A learner who installed autokata with pip has no git history to restore a kata
from, so the original stubs and the reference solutions travel as package data
(`NN_slug.py.stub`, `NN_slug.py.solution`), byte-identical copies of `katas/`
and `solutions/` of the clone. `python -m autokata.stubs` refreshes them from
the clone; tests/test_cli.py fails while any copy has drifted.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from autokata import course

STUB_SUFFIX = ".stub"
SOLUTION_SUFFIX = ".solution"
REFRESH_COMMAND = "python -m autokata.stubs"
HERE = Path(__file__).resolve().parent
#: The clone this package sits in (for an editable install or a checkout).
CLONE = HERE.parent.parent

#: Each packaged copy's suffix and the clone folder it mirrors.
SOURCES = {STUB_SUFFIX: "katas", SOLUTION_SUFFIX: "solutions"}


def stub(kata: course.Kata) -> bytes | None:
    """The kata file as the course ships it, or None while the kata has not landed."""
    return _packaged(kata.filename + STUB_SUFFIX)


def solution(kata: course.Kata) -> bytes | None:
    """The kata's reference solution, or None while the kata has not landed."""
    return _packaged(kata.filename + SOLUTION_SUFFIX)


def _packaged(name: str) -> bytes | None:
    resource = resources.files(__package__) / name
    return resource.read_bytes() if resource.is_file() else None


def drift(clone: Path = CLONE) -> list[str]:
    """The packaged copies that differ from the clone's files (or exist on one side only)."""
    return [name for name, wanted in _wanted(clone) if _read(HERE / name) != wanted]


def refresh(clone: Path = CLONE) -> list[str]:
    """Make the packaged copies equal the clone's files again; return the names it changed."""
    changed = drift(clone)
    for name, wanted in _wanted(clone):
        if name not in changed:
            continue
        if wanted is None:
            (HERE / name).unlink()
        else:
            (HERE / name).write_bytes(wanted)
    return changed


def _wanted(clone: Path) -> list[tuple[str, bytes | None]]:
    """Every possible packaged name with the bytes it should hold (None: should not exist)."""
    return [
        (kata.filename + suffix, _read(clone / folder / kata.filename))
        for kata in course.KATAS
        for suffix, folder in SOURCES.items()
    ]


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
