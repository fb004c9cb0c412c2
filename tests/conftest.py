"""The project's own tests: more hypothesis examples than learners get."""

import os

from autokata.kit import profiles

os.environ.setdefault(profiles.PROFILE_VARIABLE, profiles.THOROUGH)
