"""Shared proofs for Track B katas 16-20: turning a learner's crash into a lesson,
seeing whether a library method was called (`CallsTo`, an instrument), and
checking a returned mapping.

Some wrong answers in these katas do not return a wrong value, they crash
(a BERT-only key on a GPT-2 config, `model.bert` on a RoBERTa classifier,
model weights asked of a folder that holds only `config.json`). The learner
deserves the lesson behind the crash, not only its last line, so
`lesson_on_crash` lets a check name it. A crash crosses from the learner
process as text only (its summary and the learner's frames), so a diagnosis
reads that text, or what an instrument recorded while the learner's code ran
(which library calls it made and the exceptions that ended them).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from autokata.kit.instruments import Instrument
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


class CallsTo(Instrument):
    """Every call of a classmethod (`PreTrainedModel.from_pretrained`) that learner code makes
    inside the block, as data: `calls`, one dict per call in call order, with `cls` (the name of
    the class it was called on) and `raised` (None if it returned, else the exception that ended
    it, as `"OSError: first line of its message"`).

    Patched on the class where the learner's code runs, so calls through subclasses and Auto
    classes are seen too; the original is always restored. Use it as
    `with CallsTo(PreTrainedModel, "from_pretrained") as loads: attempt.f(...)`.
    """

    def __init__(self, owner: type, method: str) -> None:
        self.owner = f"{owner.__module__}:{owner.__qualname__}"
        self.method = method
        self.calls: list[dict[str, Any]] = []

    @property
    def raised(self) -> list[str]:
        """The exceptions that ended calls, in call order."""
        return [call["raised"] for call in self.calls if call.get("raised")]

    # -- where the learner's code runs ------------------------------------------------------

    def install(self) -> None:
        module_name, _, qualname = self.owner.partition(":")
        owner: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            owner = getattr(owner, part)
        original = owner.__dict__[self.method]
        self._patched = (owner, original)
        calls = self.calls

        def recorded(cls, *args, **kwargs):
            call: dict[str, Any] = {"cls": cls.__name__, "raised": None}
            calls.append(call)
            try:
                return original.__func__(cls, *args, **kwargs)
            except Exception as error:
                call["raised"] = _first_line(error)
                raise

        setattr(owner, self.method, classmethod(recorded))

    def uninstall(self) -> None:
        owner, original = self._patched
        setattr(owner, self.method, original)


def _first_line(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - a message that cannot be shown still has a type
        text = ""
    return f"{type(error).__name__}: {text}".splitlines()[0][:300]


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
