"""Shared proofs for Track B katas 16-20: turning a learner's crash into a lesson,
seeing whether a library method was called, and checking a returned mapping.

Some wrong answers in these katas do not return a wrong value, they crash
(a BERT-only key on a GPT-2 config, `model.bert` on a RoBERTa classifier,
model weights asked of a folder that holds only `config.json`). The learner
deserves the lesson behind the crash, not only its last line, so
`lesson_on_crash` lets a check name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from autokata.kit.outcomes import LearnerCrash, fail

_MISSING_ATTRIBUTE = re.compile(r"has no attribute '(\w+)'")


def crash_line(crash: LearnerCrash) -> str:
    return crash.last_line


def missing_attribute(crash: LearnerCrash) -> str | None:
    """The attribute an AttributeError crash asked for, if that is what it was."""
    line = crash_line(crash)
    match = _MISSING_ATTRIBUTE.search(line)
    return match.group(1) if line.startswith("AttributeError") and match else None


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


@contextmanager
def calls_to(owner: type, method: str) -> Iterator[list[tuple[type, tuple, dict]]]:
    """Record every call of a classmethod (`PreTrainedModel.from_pretrained`) inside the block.

    Patched on the class, so calls through subclasses and Auto classes are seen
    too; the original is always restored.
    """
    original = owner.__dict__[method]
    seen: list[tuple[type, tuple, dict]] = []

    def spy(cls, *args, **kwargs):
        seen.append((cls, args, kwargs))
        return original.__func__(cls, *args, **kwargs)

    setattr(owner, method, classmethod(spy))
    try:
        yield seen
    finally:
        setattr(owner, method, original)


def expect_mapping(value: Any, function: str, keys: Sequence[str], lesson: str, **shown: Any) -> Mapping:
    """A learner's function must return a mapping holding at least `keys`."""
    if not isinstance(value, Mapping):
        fail(lesson, **shown, got=f"{type(value).__name__}: {value!r}"[:200])
    missing = [key for key in keys if key not in value]
    if missing:
        fail(
            f"`{function}` returned a mapping without the key(s) {missing}. " + lesson,
            **shown, got_keys=sorted(map(str, value)),
        )
    return value
