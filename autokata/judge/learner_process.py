"""The untrusted half: a learner process that imports a kata file and runs its functions when asked.

`spawn` forks it from the warm checking process (torch and transformers are
imported already, so this costs milliseconds). In the child, the fence goes up
(`sandbox.enter`), every inherited file descriptor but the socket and the
standard streams is closed, and the kata file is imported through `Attempt`,
which turns every way learner code can go wrong into a calm message. Then it
serves requests until told to stop: a call of one of the kata's functions, or
a module-level value. Replies are data (`values.Packer`, learner mode): this
process can send anything it likes, and the checking side believes none of it
beyond what the data itself shows.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from autokata.judge import sandbox, values, wire
from autokata.kit import handover, instruments
from autokata.kit.outcomes import KataFailure, LearnerCrash, NotStarted

EXIT_LESSON = "Your code called exit() while {doing}: a kata function must return its answer instead."
INTERRUPT_LESSON = "Your code raised KeyboardInterrupt while {doing}."


def spawn(file: Path, scratch: Path) -> tuple[int, socket.socket]:
    """Fork a learner process for `file`; return its pid and the checking side's end of the socket."""
    ours, theirs = socket.socketpair()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the learner process: never returns into the checking code
        status = 0
        try:
            ours.close()
            _serve(theirs, file, scratch)
        except BaseException:  # noqa: BLE001 - whatever happens, leave without running the parent's cleanup
            status = 1
        finally:
            os._exit(status)
    theirs.close()
    return pid, ours


def _serve(sock: socket.socket, file: Path, scratch: Path) -> None:
    _leave_the_checking_process_behind(sock)
    instruments.ACTIVE.clear()  # the checking process's, inherited by the fork
    fence = sandbox.enter(scratch)
    _use_scratch(scratch)
    from autokata.kit.attempt import Attempt

    pairs = values.Pairs("L")
    try:
        attempt = Attempt.load(file)
    except BaseException as error:  # noqa: BLE001 - the import's lesson is the reply
        wire.send(sock, {"raised": _outcome(error, "importing your file"), "fence": fence.__dict__})
        return
    wire.send(sock, {"ready": True, "fence": fence.__dict__})
    while True:
        try:
            head, blobs = wire.receive(sock)
        except wire.Closed:
            return
        if head.get("op") == "stop":
            return
        _answer(sock, attempt, pairs, head, blobs)


def _leave_the_checking_process_behind(sock: socket.socket) -> None:
    """Close every descriptor inherited from the checking process (pytest's, xdist's channel, ...)
    except the standard streams and the socket; reset the signals pytest set."""
    keep = sock.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, 65536)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    # pytest's capture may have pointed sys.stdout at a descriptor just closed: write to 1 and 2,
    # wherever the checking process pointed them (a capture file, or the terminal under -s).
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - lives as long as the process
    sys.stdout = open(1, "w", closefd=False, buffering=1)  # noqa: SIM115
    sys.stderr = open(2, "w", closefd=False, buffering=1)  # noqa: SIM115
    signal.setitimer(signal.ITIMER_REAL, 0)
    for number in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)


def _use_scratch(scratch: Path) -> None:
    """Temporary files and library caches go to the scratch folder, the one place it may write."""
    tempfile.tempdir = str(scratch)
    for variable in ("TMPDIR", "HF_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(scratch)


def _answer(sock: socket.socket, attempt: Any, pairs: values.Pairs, head: dict, blobs: dict[str, bytes]) -> None:
    unpacker = values.Unpacker(pairs, blobs, trusted_sender=True)
    doing = f"calling `{head.get('name')}`"
    reply: dict[str, Any] = {}
    try:
        if head["op"] == "value":
            result = attempt.value(head["name"])
        else:
            args, kwargs = unpacker.unpack(head["args"]), unpacker.unpack(head["kwargs"])
            handover.owned_by_learner((args, kwargs))  # already this process's own copies: no second copy
            instruments.ACTIVE[:] = unpacker.unpack(head["instruments"])
            try:
                result = attempt.call(head["name"], *args, **kwargs)
            finally:
                instruments.ACTIVE.clear()
        packer = values.Packer(pairs, trusted=False)
        reply["ok"] = packer.pack(result)
    except BaseException as error:  # noqa: BLE001 - every outcome is a reply
        packer = values.Packer(pairs, trusted=False)
        reply["raised"] = _outcome(error, doing)
    reply["sync"] = {
        handle: packer.pack(pairs.by_handle[handle]) for handle in unpacker.touched if pairs.changed(handle)
    }
    reply["objects"] = [packer.pack(_records(thing)) for thing in unpacker.synced]
    wire.send(sock, reply, packer.finish())


def _records(thing: Any) -> dict[str, Any]:
    report = getattr(thing, "report", None)
    return report() if callable(report) else {k: v for k, v in vars(thing).items() if not k.startswith("_")}


def _outcome(error: BaseException, doing: str) -> dict[str, Any]:
    """An exception as data: its kind and its texts (what the checking side shows)."""
    if isinstance(error, KataFailure):
        return {"kind": "failure", "lesson": error.lesson, "shown": {k: _shown(v) for k, v in error.shown.items()}}
    if isinstance(error, NotStarted):
        return {"kind": "not started", "text": str(error)}
    if isinstance(error, LearnerCrash):
        return {"kind": "crash", "summary": error.summary, "trace": error.trace}
    if isinstance(error, SystemExit):
        return {"kind": "failure", "lesson": EXIT_LESSON.format(doing=doing), "shown": {}}
    if isinstance(error, KeyboardInterrupt):
        return {"kind": "failure", "lesson": INTERRUPT_LESSON.format(doing=doing), "shown": {}}
    return {"kind": "crash", "summary": f"Your code raised an exception while {doing}:",
            "trace": f"{type(error).__name__}: {error}".splitlines()[0]}


def _shown(value: Any) -> str:
    try:
        return repr(value)
    except Exception:  # noqa: BLE001
        return "?"
