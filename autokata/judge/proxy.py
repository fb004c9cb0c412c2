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
import os
import shutil
import signal
import socket
import tempfile
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
        packer = values.Packer(self.pairs, trusted=True)
        head = {
            "op": "call",
            "name": function_name,
            "args": packer.pack(list(args)),
            "kwargs": packer.pack(dict(kwargs)),
            "instruments": packer.pack(list(instruments.ACTIVE)),
        }
        return self._request(head, packer, function_name)

    def _request(self, head: dict, packer: values.Packer, function_name: str) -> Any:
        doing = f"calling `{function_name}`"
        if self.ended is not None:
            raise KataFailure(self.ended)
        blobs = packer.finish()
        try:
            wire.send(self.sock, head, blobs)
        except OSError:
            self._died(doing)
        reply, blobs = self._receive(doing)
        # Changes the learner made come back into the objects the check made *for* it (its private
        # copies, twins of what it returned), never into a check's shared reference.
        unpacker = values.Unpacker(self.pairs, blobs, trusted_sender=False, may_update=handover.is_learners)
        try:
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
        except (values.Refused, KeyError, TypeError, ValueError) as error:
            raise KataFailure(REFUSED_LESSON.format(function=function_name, why=error)) from None

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
