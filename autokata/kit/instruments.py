"""Instruments: what a check watches *while learner code runs* (a generate() spy, a forward recorder).

Learner code runs in a learner process of its own (see `autokata.judge`), so a
spy must run there too. An instrument is an object with `install()` and
`uninstall()` (patch and unpatch a class), and may look at the call's
arguments (`before`, to hook the model it was given) and at its result
(`after`, to take a gradient where the graph lives); used as a context manager
in a check, it is active for every learner call made inside the block.
The proxy sends the active instruments along with each call; the learner
process installs them around the call and sends back what they recorded as
data (`report()`), which the check's own instrument takes in (`absorb()`).
What an instrument records must therefore be data: numbers, strings, lists,
dicts, tensors, configs; never the learner's own objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: The instruments of the checks in this process that are active now, innermost last.
ACTIVE: list["Instrument"] = []


class Instrument:
    """Base class: subclasses implement `install` and `uninstall` and keep their records as data."""

    def install(self) -> None:
        raise NotImplementedError

    def uninstall(self) -> None:
        raise NotImplementedError

    def before(self, args: tuple, kwargs: dict) -> None:
        """Called with the learner's own copies of the call's arguments (to hook a model it was given)."""

    def after(self, result: Any) -> None:
        """Called with what the learner's function returned (to measure it where it lives)."""

    def report(self) -> dict[str, Any]:
        """What crosses back after a learner call: the public records (not the patches themselves)."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def absorb(self, records: dict[str, Any]) -> None:
        self.__dict__.update(records)

    def __getstate__(self) -> dict[str, Any]:
        return self.report()

    def __enter__(self) -> "Instrument":
        ACTIVE.append(self)
        return self

    def __exit__(self, *_: Any) -> None:
        ACTIVE.remove(self)


class _Watched:
    def __init__(self, active: list[Instrument]) -> None:
        self.active = active

    def returned(self, result: Any) -> Any:
        for instrument in self.active:
            instrument.after(result)
        return result


@contextmanager
def watching(args: tuple, kwargs: dict) -> Iterator[_Watched]:
    """Around one learner call (where learner code runs): install the active instruments, show them
    the arguments, let the caller show them the result, and always uninstall them."""
    active = list(ACTIVE)
    installed: list[Instrument] = []
    try:
        for instrument in active:
            instrument.install()
            installed.append(instrument)
            instrument.before(args, kwargs)
        yield _Watched(active)
    finally:
        for instrument in reversed(installed):
            instrument.uninstall()
