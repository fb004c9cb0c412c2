"""Hypothesis profiles: few, derandomized examples for learners; more for our own tests and for grading.

Learners need the same verdict every run, quickly; the project's tests want
more examples so a check that lets a wrong answer through is caught. Neither
has a deadline: a tiny model's first load can take a second. Shrinking is off
because every example loads or runs a model, and our messages already show the
drawn values.

Grading draws from a seed (`autokata report --seed S`, `pytest --autokata-seed
S`, the Gradescope autograder): more examples than the learner's profile, drawn
from the seed instead of from each check's own source, so an answer fitted to
the examples a failure message showed meets values it has never seen. The same
seed draws the same examples, so it gives the same verdicts. The seed travels
in `$AUTOKATA_SEED`, so every process that checks (report workers, pytest-xdist
workers, forked children) draws alike.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from hypothesis import HealthCheck, Phase, Verbosity, core, settings

LEARNER = "autokata"
THOROUGH = "autokata-thorough"
GRADING = "autokata-grading"
PROFILE_VARIABLE = "AUTOKATA_HYPOTHESIS_PROFILE"
SEED_VARIABLE = "AUTOKATA_SEED"
#: Examples per property when grading with a seed (the learner's profile draws 3).
GRADING_EXAMPLES = 8
BAD_SEED = "the grading seed must be a whole number, not {given!r}"

_common = dict(
    deadline=None,
    database=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),
    report_multiple_bugs=False,
    suppress_health_check=list(HealthCheck),
    verbosity=Verbosity.quiet,
    print_blob=False,
)
settings.register_profile(LEARNER, max_examples=3, **_common)
settings.register_profile(THOROUGH, max_examples=8, **_common)
settings.register_profile(GRADING, **{**_common, "derandomize": False, "max_examples": GRADING_EXAMPLES})


_forced = False


def parse_seed(text: str) -> int:
    """A seed as typed on a command line; ValueError (saying what was given) for anything else."""
    try:
        return int(str(text).strip())
    except ValueError:
        raise ValueError(BAD_SEED.format(given=text)) from None


def seed() -> int | None:
    """The grading seed in force (`$AUTOKATA_SEED`), or None: the learner's stable draws."""
    given = os.environ.get(SEED_VARIABLE, "").strip()
    return parse_seed(given) if given else None


def load() -> None:
    """With a grading seed, the grading profile drawing from it; else the profile named by
    `$AUTOKATA_HYPOTHESIS_PROFILE`, the learner's by default."""
    global _forced
    grading_seed = seed()
    if grading_seed is None:
        if _forced:  # a seed this module forced earlier in the process; never one hypothesis's own option set
            core.global_force_seed = None
            _forced = False
        settings.load_profile(os.environ.get(PROFILE_VARIABLE, LEARNER))
        return
    # What hypothesis's own `--hypothesis-seed` does: every property draws from Random(seed).
    core.global_force_seed = grading_seed
    _forced = True
    settings.load_profile(GRADING)


@contextlib.contextmanager
def grading_seed(chosen: int | None) -> Iterator[None]:
    """Inside: `$AUTOKATA_SEED` is `chosen` (or unset for None), for every process started or
    forked here to load (see `load`); outside, as before."""
    saved = os.environ.get(SEED_VARIABLE)
    if chosen is None:
        os.environ.pop(SEED_VARIABLE, None)
    else:
        os.environ[SEED_VARIABLE] = str(chosen)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(SEED_VARIABLE, None)
        else:
            os.environ[SEED_VARIABLE] = saved


#: A family check runs its property once per member, on the same derandomised draws. Up to this
#: many members each run every example; a larger family spreads this many members' worth of the
#: learner's examples over its members (at least `_FEWEST_PER_MEMBER` each), so a new
#: architecture adds coverage of its own instead of repeating every draw. The project's own
#: tests (the thorough profile) and grading keep every example on every member.
_FULL_FAMILY = 4
_FEWEST_PER_MEMBER = 2


@contextlib.contextmanager
def spread_over(members: int) -> Iterator[None]:
    """Inside: the learner's profile with its examples spread over a family of `members`."""
    current = settings.get_current_profile_name()
    if current != LEARNER or members <= _FULL_FAMILY:
        yield
        return
    full = settings.get_profile(LEARNER).max_examples
    share = max(_FEWEST_PER_MEMBER, -(-full * _FULL_FAMILY // members))
    if share >= full:
        yield
        return
    spread = f"{LEARNER}-spread-{share}"
    settings.register_profile(spread, parent=settings.get_profile(LEARNER), max_examples=share)
    settings.load_profile(spread)
    try:
        yield
    finally:
        settings.load_profile(current)
