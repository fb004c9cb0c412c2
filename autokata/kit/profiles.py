"""Hypothesis profiles: few, derandomized examples for learners; more for our own tests.

Learners need the same verdict every run, quickly; the project's tests want
more examples so a check that lets a wrong answer through is caught. Neither
has a deadline: a tiny model's first load can take a second. Shrinking is off
because every example loads or runs a model, and our messages already show the
drawn values.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, Verbosity, settings

LEARNER = "autokata"
THOROUGH = "autokata-thorough"
PROFILE_VARIABLE = "AUTOKATA_HYPOTHESIS_PROFILE"

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


def load() -> None:
    """Load the profile named by `$AUTOKATA_HYPOTHESIS_PROFILE`, the learner's by default."""
    settings.load_profile(os.environ.get(PROFILE_VARIABLE, LEARNER))
