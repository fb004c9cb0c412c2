"""Crash lessons: turning a learner's crash into the lesson behind it.

Some wrong answers do not return a wrong value, they crash (a BERT-only key on
a GPT-2 config, `model.bert` on a RoBERTa classifier, an encoding key the
tokenizer does not return, model weights asked of a folder that holds only
`config.json`). The learner deserves the lesson behind the crash, not only its
last line, so `lesson_on_crash` and `on_crash` let a check name it; a crash no
check explains is reported with the learner's own frames and the checkpoint it
happened on. A crash crosses from the learner process as text only (its
summary and the learner's frames), so a diagnosis reads that text
(`crash_line`, `missing_attribute`, `missing_key`), or what an instrument
recorded while the learner's code ran (see `library_calls`, `forward_passes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from autokata.kit.outcomes import LearnerCrash, fail


_MISSING_ATTRIBUTE = re.compile(r"has no attribute '(\w+)'")


#: A KeyError for an encoding key some tokenizers never return (RoBERTa, DistilBERT: no token types).
MISSING_KEY_LESSON = (
    "Your code asked the encoding for `{key}`, which this checkpoint's tokenizer does not return: not "
    "every tokenizer gives token types (RoBERTa and DistilBERT models have none at all). Pass the "
    "encoding on as the tokenizer returns it instead of picking keys by name, and find one text's "
    "tokens with something every tokenizer provides."
)

_KEY_ERROR = re.compile(r"^KeyError: '([^']+)'")


def crash_line(crash: LearnerCrash) -> str:
    """The exception line of the crash (`AttributeError: ... has no attribute 'bert'`)."""
    return crash.last_line


def missing_attribute(crash: LearnerCrash) -> str | None:
    """The attribute an AttributeError crash asked for, if that is what it was."""
    line = crash_line(crash)
    match = _MISSING_ATTRIBUTE.search(line)
    return match.group(1) if line.startswith("AttributeError") and match else None


def missing_key(crash: LearnerCrash) -> str | None:
    """The key a KeyError crash asked for, if that is what it was."""
    match = _KEY_ERROR.match(crash.last_line)
    return match.group(1) if match else None


@contextmanager
def lesson_on_crash(lesson_for: Callable[[LearnerCrash], str | None], **shown: Any) -> Iterator[None]:
    """Inside the block, a learner crash that `lesson_for` recognises fails with its lesson.

    `lesson_for` returns a lesson, or None for a crash the check cannot explain: that one
    is still reported with the learner's own frames, and with the checkpoint it happened
    on (`on=`), since the same code may run on one architecture and crash on the next.
    """
    try:
        yield
    except LearnerCrash as crash:
        lesson = lesson_for(crash)
        if lesson is None:
            raise on_checkpoint(crash, shown.get("on")) from None
        fail(lesson, **shown, your_code_raised=crash_line(crash))


def on_checkpoint(crash: LearnerCrash, name: str | None) -> LearnerCrash:
    """The same crash, its first line naming the tiny checkpoint it happened on."""
    if not name or name in crash.summary:
        return crash
    summary = crash.summary.rstrip(":")
    return LearnerCrash(f"{summary} on the tiny {name} checkpoint:", crash.trace)


def on_crash(
    name: str, lesson_for: Callable[[LearnerCrash], str | None] | None = None, **shown: Any
) -> AbstractContextManager[None]:
    """Inside the block, a learner crash names the architecture it happened on.

    A crash `lesson_for` recognises (it returns a lesson) fails with that lesson and the
    drawn values; a KeyError for an encoding key the tokenizer does not return gets
    MISSING_KEY_LESSON; any other crash is reported with the learner's own frames.
    """

    def lesson(crash: LearnerCrash) -> str | None:
        found = lesson_for(crash) if lesson_for else None
        key = missing_key(crash)
        if found is None and key in ("token_type_ids",):
            found = MISSING_KEY_LESSON.format(key=key)
        return found

    return lesson_on_crash(lesson, on=name, **shown)
