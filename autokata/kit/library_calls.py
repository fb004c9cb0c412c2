"""Library calls: which classmethods learner code called, and how each call ended.

Some wrong answers show in the library calls they make rather than in a value
(model weights asked with `from_pretrained` of a folder that holds only
`config.json`, a model loaded without ever reading the checkpoint). `CallsTo`
is an instrument (see `autokata.kit.instruments`): it patches one classmethod
where the learner's code runs and records every call, and the exception that
ended it, as data.
"""

from __future__ import annotations

import importlib
from typing import Any

from autokata.kit.instruments import Instrument


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
