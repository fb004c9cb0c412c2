"""Check kata files in fresh forked children of one warm process.

Importing torch and transformers takes seconds; checking a kata on the tiny zoo
takes a fraction of one. So the checking process imports them once
(`WarmChecker()`) and every check runs in an `os.fork()` child, which shares
the kata's cases among one worker per core; each worker runs the learner's
code in a learner process of its own (`autokata.judge`), so it can neither
hang the checker (a time limit kills the child and everything below it), crash
it, nor leave anything behind. `warm(kata)`
runs the kata's reference solution once in the parent, so the lazily imported
model classes and the checks' reference models are loaded before the fork and
every child inherits them.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import select
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from autokata import course, quiet, runner, stubs, zoo

TIME_LIMIT_SECONDS = 120.0
TIMEOUT_LESSON = (
    "Your code was still running after {seconds:g} s, so the check stopped it. Look for a loop "
    "that never ends or a generation budget far larger than the kata asks for."
)
BROKEN_CHECKS = "autokata could not run the checks of kata {code} ({error}); please report this."
ENDED_LESSON = (
    "Your code ended the checking process ({how}) before the checks could finish. "
    "Remove any exit(), sys.exit() or os._exit() call from the kata file."
)


@dataclass(frozen=True)
class Verdict:
    """A kata's state (a `runner.State` value) and the message of its first problem."""

    state: str
    message: str = ""


@dataclass
class RunningCheck:
    """A forked child judging one file; select() on it, then `finish()` (or `poll()`) for its verdict.

    The child writes its verdict (`{"state": ..., "message": ...}`) as one JSON
    line, then exits. Started with `progress=True`, it first writes one line per
    case checked (`{"checked": 7, "total": 20}`), so select() wakes before the
    verdict: `poll()` then updates `checked` and `total` (watch's live line).
    """

    kata: course.Kata
    pid: int
    fd: int
    time_limit: float
    started: float
    #: Cases checked so far, of how many (0 of 0 until the child says).
    checked: int = 0
    total: int = 0
    _unread: bytes = b""
    _report: dict | None = None

    @property
    def deadline(self) -> float:
        return self.started + self.time_limit

    def elapsed(self, now: float | None = None) -> float:
        return (time.monotonic() if now is None else now) - self.started

    def fileno(self) -> int:
        return self.fd

    def poll(self) -> Verdict | None:
        """Read what the child wrote (blocks until it writes something): None while it is still
        checking (`checked` and `total` are up to date), its verdict once it is done."""
        chunk = os.read(self.fd, 65536)
        *lines, self._unread = (self._unread + chunk).split(b"\n")
        for line in lines:
            report = json.loads(line)
            if "state" in report:
                self._report = report
            else:
                self.checked, self.total = report["checked"], report["total"]
        if chunk:
            return None
        os.close(self.fd)
        os.waitpid(self.pid, 0)
        _restore_zoo()
        report = self._report or _ended("it stopped without a verdict")
        return Verdict(report["state"], report["message"])

    def finish(self) -> Verdict:
        """The verdict, once the child has written it (blocks until the child is done)."""
        while (verdict := self.poll()) is None:
            pass
        return verdict

    def cancel(self) -> None:
        """Stop the child and its workers: the file changed again, the learner quit, or time ran out."""
        os.killpg(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        _restore_zoo()

    def timed_out(self) -> Verdict:
        self.cancel()
        return Verdict(runner.State.FAILING.value, TIMEOUT_LESSON.format(seconds=self.time_limit))

    def wait(self) -> Verdict:
        """Block until the verdict, or stop the child at its deadline and say so."""
        while True:
            try:
                ready, _, _ = select.select([self.fd], [], [], max(self.deadline - time.monotonic(), 0))
            except BaseException:  # Ctrl-C: the child is in its own process group, so stop it here
                self.cancel()
                raise
            if not ready:
                return self.timed_out()
            verdict = self.poll()
            if verdict is not None:
                return verdict


class WarmChecker:
    """torch, transformers and the zoo loaded once; each check forked from here."""

    def __init__(self) -> None:
        quiet.offline_and_quiet_environment()
        import torch

        # Tiny models gain nothing from threads; on a busy machine they oversubscribe the
        # cores (seconds instead of tenths), and a thread pool started here is not safe to use
        # in a forked child.
        torch.set_num_threads(1)
        runner.prepare()
        zoo.ensure()
        self._warmed: set[int] = set()
        _settle()

    def warm(self, kata: course.Kata) -> None:
        """Run the kata's reference solution here once, so children start with its models loaded."""
        if kata.number in self._warmed:
            return
        self._warmed.add(kata.number)
        solution = stubs.solution(kata)
        if solution is None:
            return
        with tempfile.TemporaryDirectory(prefix="autokata-warm-") as folder, _silenced():
            file = Path(folder) / kata.filename
            file.write_bytes(solution)
            with contextlib.suppress(Exception):  # warming only saves time; the check reports any problem
                runner.judge_file(kata, file, stop_at_first=True)
        _restore_zoo()
        _settle()

    def start(
        self, kata: course.Kata, file: Path, time_limit: float = TIME_LIMIT_SECONDS, progress: bool = False
    ) -> RunningCheck:
        """Fork a child that judges `file` and writes its verdict into a pipe (with `progress`,
        each case checked before it).

        The child gets its own process group, so cancelling it also stops the workers it forks.
        """
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: judge, report, and leave without running the parent's cleanup
            try:
                os.setpgid(0, 0)
                os.close(reader)
                _silence_output()
                _report(writer, asdict(_judge_or_explain(kata, file, writer if progress else None)))
            finally:
                os._exit(0)
        os.close(writer)
        with contextlib.suppress(OSError):  # the child may have done it (or finished) already
            os.setpgid(pid, pid)
        return RunningCheck(kata, pid, reader, time_limit, time.monotonic())

    def check(self, kata: course.Kata, file: Path, time_limit: float = TIME_LIMIT_SECONDS) -> Verdict:
        """Judge `file` in a fresh child and wait for its verdict."""
        return self.start(kata, file, time_limit).wait()


@functools.cache
def shared() -> WarmChecker:
    """The process's one warm checker, made on first use."""
    return WarmChecker()


def _judge_or_explain(kata: course.Kata, file: Path, progress: int | None) -> Verdict:
    """The verdict, or, should autokata's own checks break, a message saying so (not blaming the learner)."""
    try:
        return _judge_in_workers(kata, file, progress)
    except Exception as error:  # noqa: BLE001 - reported as the verdict
        return Verdict(runner.State.FAILING.value, BROKEN_CHECKS.format(code=kata.code, error=repr(error)))


def _judge_in_workers(kata: course.Kata, file: Path, progress: int | None = None) -> Verdict:
    """The verdict `pytest` gives the file (state over every check, first problem), sooner.

    Worker k of n (one per core) checks cases k, k + n, ... and reports each
    result, stopping at its first failing case. The verdict is known once the
    state is (every case reported, or a failing case, or a passed and a not
    started one, which also makes the kata failing) and no case before the
    first problem is still unreported: cases after it, which could only take
    time or hang, are not awaited. Each case checked is reported on `progress`
    (a pipe to the watching parent), if given, as it comes in.
    """
    total = len(list(runner.cases(kata)))
    shares = min(_cores(), total)
    workers = [_Worker.fork(kata, file, share, shares) for share in range(shares)]
    tally = _Tally()
    if progress is not None:
        _report(progress, {"checked": 0, "total": total})
    while not tally.decided(workers):
        for worker in select.select([w for w in workers if not w.done], [], [])[0]:
            for report in worker.reports():
                tally.add(worker, report, shares)
                if progress is not None and "done" not in report:
                    _report(progress, {"checked": min(tally.checked, total), "total": total})
    for worker in workers:
        worker.stop()
    return tally.verdict()


@dataclass
class _Tally:
    """The case results reported so far, and what they already decide."""

    states: set[str] = field(default_factory=set)
    first_problem: dict | None = None
    checked: int = 0

    def add(self, worker: _Worker, report: dict, shares: int) -> None:
        if "done" in report:
            worker.done = True
            return
        worker.next_index = report["index"] + shares
        self.checked += 1
        self.states.add(report["state"])
        if report["state"] != runner.State.SOLVED.value and (
            self.first_problem is None or report["index"] < self.first_problem["index"]
        ):
            self.first_problem = report

    @property
    def failing(self) -> bool:
        """Failing whatever the unreported cases say."""
        solved, not_started = runner.State.SOLVED.value, runner.State.NOT_STARTED.value
        return runner.State.FAILING.value in self.states or {solved, not_started} <= self.states

    def decided(self, workers: list[_Worker]) -> bool:
        running = [w for w in workers if not w.done]
        if not running:
            return True
        first = self.first_problem
        return self.failing and first is not None and all(w.next_index > first["index"] for w in running)

    def verdict(self) -> Verdict:
        state = runner.State.FAILING if self.failing else runner.kata_state([runner.State(s) for s in self.states])
        return Verdict(state.value, self.first_problem["message"] if self.first_problem else "")


@dataclass
class _Worker:
    """A forked worker checking one share of the cases, reporting one JSON line per event."""

    pid: int
    fd: int
    next_index: int
    done: bool = False
    unread: bytes = b""

    @classmethod
    def fork(cls, kata: course.Kata, file: Path, share: int, shares: int) -> "_Worker":
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(reader)
                _work_on_share(kata, file, share, shares, writer)
            finally:
                os._exit(0)
        os.close(writer)
        return cls(pid, reader, next_index=share)

    def fileno(self) -> int:
        return self.fd

    def reports(self) -> list[dict]:
        """The reports complete so far; a worker gone without saying it is done has ended early."""
        chunk = os.read(self.fd, 65536)
        *lines, self.unread = (self.unread + chunk).split(b"\n")
        gone = [] if chunk else [_ended("it stopped without a verdict"), {"done": True}]
        return [json.loads(line) for line in lines] + gone

    def stop(self) -> None:
        """Reap the worker, killing it first if its remaining cases cannot change the verdict."""
        os.close(self.fd)
        if not self.done:
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _work_on_share(kata: course.Kata, file: Path, share: int, shares: int, writer: int) -> None:
    """In a worker: check cases share, share + shares, ... and report each, up to the first failing."""
    try:
        try:
            attempt = runner.load_attempt(file)
        except Exception as error:  # noqa: BLE001 - every case reports it, as in runner.judge_file
            attempt = error
        for index, case in enumerate(runner.cases(kata)):
            if index % shares == share:
                verdict = runner.judge(case, attempt)
                _report(writer, {"index": index, "state": verdict.state.value, "message": verdict.message})
                if verdict.state is runner.State.FAILING:
                    break
    except SystemExit:
        _report(writer, _ended("it called exit()"))
    _report(writer, {"done": True})


def _report(writer: int, report: dict) -> None:
    """One report, one line (JSON escapes every newline inside it)."""
    data = json.dumps(report).encode() + b"\n"
    while data:
        data = data[os.write(writer, data) :]


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _ended(how: str) -> dict:
    """A worker that ended early: a failing case before every other."""
    return {"index": -1, "state": runner.State.FAILING.value, "message": ENDED_LESSON.format(how=how)}


def _silence_output() -> None:
    """Learner prints and library chatter must not reach the screen, nor input() eat its keys."""
    silent = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(silent, fd)


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    """Library chatter while warming goes nowhere; the screen is the learner's."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    silent = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(silent, 1)
        os.dup2(silent, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, silent):
            os.close(fd)


def _settle() -> None:
    """Collect garbage, then freeze the rest, so the children's collectors leave it alone.

    Frozen objects are never written to by a child, so their memory pages stay
    shared with this process instead of being copied into every child.
    """
    gc.collect()
    gc.freeze()


def _restore_zoo() -> None:
    """A child may have written into a zoo checkpoint: rebuild it before the next check sees it."""
    zoo.restore_if_touched()
