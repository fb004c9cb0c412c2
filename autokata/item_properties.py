"""What each kata check item carries in its report, and how pytest shows its three states.

The plugin writes these properties on every check item (JUnit and report-log
consumers, the verdict store and the progress summary read them back); the
summary and the plugin both need the result categories. They live here, apart
from both, so neither imports the other.
"""

from __future__ import annotations

from autokata.runner import State

STATE_PROPERTY = "autokata_state"
MESSAGE_PROPERTY = "autokata_message"
#: The kata's two-digit code ("05"), as the CLI, the JSON and CSV reports write it.
KATA_PROPERTY = "autokata_kata"
#: Which check of the kata this is: "3/20" (the summary and the verdict store need all 20).
CHECK_PROPERTY = "autokata_check"
#: The sha256 of the kata file as collected: the verdict store keys verdicts by content.
CONTENT_PROPERTY = "autokata_content"

#: Per state: pytest's result category, its progress letter, and its word in verbose output.
CATEGORIES = {
    State.SOLVED.value: ("passed", ".", ("SOLVED", {"green": True})),
    State.NOT_STARTED.value: ("not started", "o", ("NOT STARTED", {"yellow": True})),
    State.FAILING.value: ("failing", "F", ("FAILING", {"red": True})),
}
