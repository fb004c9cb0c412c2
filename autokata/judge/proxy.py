"""The trusted half: checks call learner functions through `RemoteAttempt`, and only data comes back.

`RemoteAttempt.load(file)` starts a learner process for the file (see
`learner_process`); `attempt.embed(model, tokenizer, texts)` sends the call
and returns what came back, rebuilt from data (`values`): a model the learner
returned arrives as a twin (same class, config and weights) that the check may
run, re-seed and hand back; a tokenizer as one loaded from its saved files.
The learner's exceptions arrive as the same three outcomes the checks know
(`KataFailure`, `NotStarted`, `LearnerCrash`). A learner process that dies, or
sends what the checking side refuses, fails the kata with a plain message;
the checking process itself never runs learner code and cannot be harmed by it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

from autokata.judge import learner_process, sandbox, values, wire
from autokata.kit import handover, instruments
from autokata.kit.outcomes import KataFailure, LearnerCrash, NotStarted, Plain

ENDED_LESSON = (
    "Your code ended the process that runs it ({how}) while {doing}, so the check could not go on. "
    "Remove any exit() or os._exit() call, and look for code that crashes Python itself."
)
REFUSED_LESSON = (
    "`{function}` returned something autokata cannot take back from your code ({why}). "
    "Return plain values, tensors, or transformers models and tokenizers."
)

#: Learner processes still running, stopped when the checking process exits.
_RUNNING: set["RemoteAttempt"] = set()


class RemoteAttempt:
    """A learner's kata file, imported in a learner process of its own; calls go there as data."""

    def __init__(self, file: Path, pid: int, sock: socket.socket, scratch: Path, fence: dict) -> None:
        self.file = file
        self.pid = pid
        self.sock = sock
        self.scratch = scratch
        self.fence = fence
        self.pairs = values.Pairs("T")
        self.ended: str | None = None
        #: What each loader call with plain arguments answered, as data (see `call`).
        self.answered: dict[tuple, tuple[Any, dict[str, bytes]]] = {}
        _RUNNING.add(self)

    @classmethod
    def load(cls, file: Path) -> "RemoteAttempt":
        """Start a learner process importing `file`; its import error is raised here, as a lesson."""
        file = Path(file).resolve()
        sandbox.guard_checking_process()
        scratch = Path(tempfile.mkdtemp(prefix="autokata-learner-"))
        pid, sock = learner_process.spawn(file, scratch)
        attempt = cls(file, pid, sock, scratch, {})
        head, _ = attempt._receive("importing your file")
        attempt.fence = head.get("fence", {})
        if "raised" in head:
            attempt.close()
            raise _rebuilt(head["raised"])
        return attempt

    def __getattr__(self, function_name: str) -> Callable[..., Any]:
        if function_name.startswith("__"):
            raise AttributeError(function_name)
        return lambda *args, **kwargs: self.call(function_name, *args, **kwargs)

    def value(self, name: str) -> Any:
        """A module-level value the kata asks for (e.g. `CLASS_FOR`)."""
        return self._request({"op": "value", "name": name}, values.Packer(self.pairs, trusted=True), name)

    def call(self, function_name: str, *args: Any, **kwargs: Any) -> Any:
        """Call the learner's function in its process; what it returns comes back rebuilt from data.

        A loader asked the same plain question again (the same checkpoint path and labels, as
        several checks of a kata ask it) is answered from its first reply's data instead of
        loading again: the model is rebuilt as a new twin, one of the check's own, so nothing
        one check or the learner's code does to a model reaches another check. A call with an
        instrument watching it always runs.
        """
        if self.ended is not None:
            raise KataFailure(self.ended)
        key = _plain_question(function_name, args, kwargs) if not instruments.ACTIVE else None
        if key is not None and key in self.answered:
            return self._rebuilt_answer(function_name, *self.answered[key])
        packer = values.Packer(self.pairs, trusted=True)
        head = {
            "op": "call",
            "name": function_name,
            "args": packer.pack(list(args)),
            "kwargs": packer.pack(dict(kwargs)),
            "instruments": packer.pack(list(instruments.ACTIVE)),
        }
        return self._request(head, packer, function_name, remember=key)

    def _rebuilt_answer(self, function_name: str, data: Any, blobs: dict[str, bytes]) -> Any:
        # Unpacked outside this attempt's pairs: the twin is new, and handing it to the learner
        # later sends its whole state (the learner gets a fresh model, not the one it returned).
        with _refused_as_lesson(function_name):
            unpacker = values.Unpacker(values.Pairs("A"), blobs, trusted_sender=False)
            return handover.owned_by_learner(unpacker.unpack(data))

    def _request(self, head: dict, packer: values.Packer, function_name: str, remember: tuple | None = None) -> Any:
        doing = f"calling `{function_name}`"
        if self.ended is not None:
            raise KataFailure(self.ended)
        blobs = packer.finish()
        try:
            wire.send(self.sock, head, blobs)
        except OSError:
            self._died(doing)
        reply, blobs = self._receive(doing)
        if remember is not None and _loaded(reply):
            self.answered[remember] = (reply["ok"], blobs)
        # Changes the learner made come back into the objects the check made *for* it (its private
        # copies, twins of what it returned), never into a check's shared reference.
        unpacker = values.Unpacker(self.pairs, blobs, trusted_sender=False, may_update=handover.is_learners)
        with _refused_as_lesson(function_name):
            for state in reply.get("sync", {}).values():
                unpacker.unpack(state)
            for thing, records in zip(packer.pickled, reply.get("objects", [])):
                records = unpacker.unpack(records)
                if isinstance(thing, instruments.Instrument):
                    thing.absorb(records)
                else:
                    vars(thing).update(records)
            if "raised" in reply:
                raise _rebuilt(reply["raised"])
            return handover.owned_by_learner(unpacker.unpack(reply.get("ok")))

    def _receive(self, doing: str) -> tuple[dict, dict[str, bytes]]:
        try:
            return wire.receive(self.sock)
        except (wire.Closed, OSError, ValueError):
            self._died(doing)

    def _died(self, doing: str) -> None:
        how = _how_it_ended(self.pid)
        self.ended = ENDED_LESSON.format(how=how, doing=doing)
        self.close()
        raise KataFailure(self.ended)

    def close(self) -> None:
        """Stop the learner process and remove its scratch folder."""
        _RUNNING.discard(self)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self.sock.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


@contextlib.contextmanager
def _refused_as_lesson(function_name: str) -> Iterator[None]:
    """What the checking side cannot take back from the learner's reply fails the kata, saying why."""
    try:
        yield
    except (values.Refused, KeyError, TypeError, ValueError) as error:
        raise KataFailure(REFUSED_LESSON.format(function=function_name, why=error)) from None


def _plain_question(function_name: str, args: tuple, kwargs: dict) -> tuple | None:
    """A call's key when every argument is a plain value (text, numbers, lists of them), else None."""
    def plain(value: Any) -> bool:
        if value is None or type(value) in (str, int, float, bool):
            return True
        return type(value) in (list, tuple) and all(plain(item) for item in value)

    if not all(plain(a) for a in args) or not all(plain(v) for v in kwargs.values()):
        return None
    return function_name, repr(args), repr(sorted(kwargs.items()))


def _loaded(reply: dict) -> bool:
    """A reply that is a freshly sent model or tokenizer (a loader's), with nothing else to take in."""
    answer = reply.get("ok")
    return (
        "raised" not in reply and not reply.get("sync") and not reply.get("objects")
        and isinstance(answer, dict) and "$handle" in answer and "state" in answer
    )


def _how_it_ended(pid: int) -> str:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return "it stopped"
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"it exited with status {os.WEXITSTATUS(status)}"


def _rebuilt(outcome: dict) -> Exception:
    """The learner side's outcome as the exception the checks know."""
    kind = outcome.get("kind")
    if kind == "not started":
        return NotStarted(str(outcome.get("text", "")))
    if kind == "failure":
        shown = {str(k): Plain(str(v)) for k, v in dict(outcome.get("shown", {})).items()}
        return KataFailure(str(outcome.get("lesson", "")), shown)
    return LearnerCrash(str(outcome.get("summary", "")), str(outcome.get("trace", "")))


@atexit.register
def _stop_all() -> None:
    for attempt in list(_RUNNING):
        attempt.close()
