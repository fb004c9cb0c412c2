"""The toolkit hidden checks are written with: declare, call the learner, compare, fail with a lesson."""

from autokata.kit.attempt import Attempt
from autokata.kit.outcomes import KataFailure, NotStarted, fail
from autokata.kit.registry import check

__all__ = ["Attempt", "KataFailure", "NotStarted", "check", "fail"]
