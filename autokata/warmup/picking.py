"""Which katas a warm-up may pick, the seeded pick itself, and each kata's fresh stub.

The pick is `random.Random(seed).sample` over the candidates in course order,
so the same seed over the same candidates picks the same katas on any machine.
"""

from __future__ import annotations

import random
import subprocess

from autokata import course, stubs
from autokata.cli.project import Project, checks_exist

SEED_RANGE = (1, 10_000)


def candidates(project: Project, track: str | None = None) -> list[course.Kata]:
    """The course's katas the learner has in `katas/` and autokata can check (of one track, if given)."""
    return [
        kata
        for kata in course.KATAS
        if project.file(kata).is_file() and checks_exist(kata) and track in (None, kata.track.letter)
    ]


def pick(katas: list[course.Kata], count: int, seed: int) -> list[course.Kata]:
    """`count` of `katas` (all of them if fewer), chosen by `seed`, in course order."""
    chosen = random.Random(seed).sample(katas, min(count, len(katas)))
    return sorted(chosen, key=lambda kata: kata.number)


def new_seed() -> int:
    """A seed for a learner who gave none; it is printed, so the pick can be repeated."""
    return random.SystemRandom().randint(*SEED_RANGE)


def fresh_stub(project: Project, kata: course.Kata) -> bytes:
    """The kata as the course ships it, never the learner's edits where it can be helped.

    The packaged stub first (works from a pip install); else the file as last
    committed (a clone whose package data lacks it); else the learner's file as it is.
    """
    packaged = stubs.stub(kata)
    if packaged is not None:
        return packaged
    try:
        committed = subprocess.run(
            ["git", "show", f"HEAD:./katas/{kata.filename}"], cwd=project.root, capture_output=True, check=False
        )
    except OSError:  # no git on this machine
        committed = None
    if committed is not None and committed.returncode == 0:
        return committed.stdout
    return project.file(kata).read_bytes()


def edited(project: Project, katas: list[course.Kata]) -> list[course.Kata]:
    """The katas whose file differs from its fresh stub: the only ones that can be solved."""
    return [kata for kata in katas if project.file(kata).read_bytes() != fresh_stub(project, kata)]
