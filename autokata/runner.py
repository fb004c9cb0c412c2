"""Judge an attempt: run one hidden check on it and say solved, not started or failing.

The pytest plugin runs one check per test item through `judge`; the CLI and
the project's tests use `judge_file` to check a whole kata file in-process.
Both share this one translation from exceptions to verdicts.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import ModuleType

from autokata import quiet
from autokata.course import Kata
from autokata.judge.proxy import RemoteAttempt
from autokata.kit.outcomes import KataFailure, LearnerCrash, NotStarted
from autokata.kit.registry import Check, checks_in

NOT_STARTED_LESSON = "{what}: open the kata file, read its instructions and replace the TODO with your answer."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else "Not started"


class State(str, Enum):
    SOLVED = "solved"
    NOT_STARTED = "not started"
    FAILING = "failing"


@dataclass(frozen=True)
class Verdict:
    state: State
    message: str = ""


@dataclass(frozen=True)
class Case:
    """One check on one checkpoint: what a single pytest item runs."""

    check: Check
    checkpoint: str | None

    @property
    def title(self) -> str:
        return f"{self.check.title} [{self.checkpoint}]" if self.checkpoint else self.check.title

    @property
    def id(self) -> str:
        return f"{self.check.name}[{self.checkpoint}]" if self.checkpoint else self.check.name


def check_module(kata: Kata) -> ModuleType:
    return importlib.import_module(kata.check_module)


def hints(kata: Kata) -> tuple[str, ...]:
    """Three levels: a nudge in concepts, the class or keyword named, a near-answer."""
    return tuple(check_module(kata).HINTS)


def lesson(kata: Kata) -> str:
    """The whole story the stub keeps to itself: shown by `explain`, after solving, never before asked."""
    return str(check_module(kata).LESSON).strip()


def answer(kata: Kata) -> tuple[str, ...]:
    """The identifiers that answer the kata: the stub may name none of them outside signatures."""
    return tuple(check_module(kata).ANSWER)


def options(kata: Kata) -> tuple[str, ...]:
    """Answer identifiers a quiz may import as its multiple-choice options (and only import)."""
    return tuple(getattr(check_module(kata), "OPTIONS", ()))


def cases(kata: Kata) -> Iterator[Case]:
    for check in checks_in(check_module(kata)):
        for checkpoint in check.cases():
            yield Case(check, checkpoint)


def prepare() -> None:
    """Offline, quiet libraries, the learner's hypothesis profile, and the heavy imports.

    Importing torch and transformers' model code takes seconds; doing it here,
    before any check runs, keeps that time out of every per-check time limit
    (a limit hit halfway through importing torch leaves torch unusable).
    """
    quiet.silence_libraries()
    from autokata.kit import profiles

    profiles.load()
    import torch
    import transformers.generation.utils  # noqa: F401
    from transformers import AutoModel, AutoTokenizer, PreTrainedModel  # noqa: F401

    # Tiny models gain nothing from intra-op threads and lose a lot to contention
    # (measured: kata 01 took 1.1 s on one thread, 12.7 s on two, on a busy 2-core machine).
    torch.set_num_threads(1)
    _freeze_the_libraries()


@functools.cache
def _freeze_the_libraries() -> None:
    """Once per process, after the heavy imports: move every object alive now out of the
    collector's reach. torch and transformers leave millions of objects that live as long as the
    process; each full collection walked them all (hypothesis collects once per run, pytest at the
    end, Python whenever the old generation grows): 0.2 s each, measured on a one-kata run."""
    gc.freeze()


def load_attempt(file: Path) -> RemoteAttempt:
    """The learner's file, imported in a learner process of its own (the only place its code runs)."""
    return RemoteAttempt.load(file)


def judge(case: Case, attempt: RemoteAttempt | BaseException) -> Verdict:
    """Run one case on an imported attempt (or the error its import raised)."""
    try:
        if isinstance(attempt, BaseException):
            raise attempt
        with warnings.catch_warnings(), _scratch_of(attempt):
            warnings.simplefilter("ignore")
            case.check.run(attempt, case.checkpoint)
    except Exception as error:  # noqa: BLE001 - every failure becomes a verdict
        return verdict_for(error, case.checkpoint)
    return Verdict(State.SOLVED)


@contextlib.contextmanager
def _scratch_of(attempt: RemoteAttempt) -> Iterator[None]:
    """Folders a check makes for the learner (`out_dir`) go inside the learner process's scratch
    folder, the one place that process may write."""
    saved = tempfile.tempdir
    tempfile.tempdir = str(attempt.scratch)
    try:
        yield
    finally:
        tempfile.tempdir = saved


def verdict_for(error: BaseException, checkpoint: str | None = None) -> Verdict:
    """The learner-facing verdict for whatever a check or an import raised (a crash or a check
    that could not use the value names the checkpoint it happened on)."""
    error = _innermost(error)
    where = f" on the tiny {checkpoint} checkpoint" if checkpoint else ""
    if isinstance(error, NotStarted):
        return Verdict(State.NOT_STARTED, NOT_STARTED_LESSON.format(what=_sentence(str(error))))
    if isinstance(error, KataFailure):
        return Verdict(State.FAILING, error.render())
    if isinstance(error, LearnerCrash):
        if where and "checkpoint" not in error.summary and error.summary.endswith(":"):
            error = LearnerCrash(error.summary[:-1] + where + ":", error.trace)
        return Verdict(State.FAILING, str(error))
    return Verdict(
        State.FAILING,
        f"The check could not use what your function returned{where} "
        f"({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}). "
        "Compare your return value with the type the kata's docstring asks for.",
    )


def _innermost(error: BaseException) -> BaseException:
    """Hypothesis may wrap the real failure (flaky or grouped errors): find ours."""
    ours = (NotStarted, KataFailure, LearnerCrash)
    if isinstance(error, ours):
        return error
    for inner in getattr(error, "exceptions", ()) or ():
        found = _innermost(inner)
        if isinstance(found, ours):
            return found
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error and isinstance(_innermost(cause), ours):
        return _innermost(cause)
    return error


@dataclass(frozen=True)
class FileVerdict:
    kata: Kata
    state: State
    results: tuple[tuple[Case, Verdict], ...]

    @property
    def first_problem(self) -> Verdict | None:
        for _, verdict in self.results:
            if verdict.state is not State.SOLVED:
                return verdict
        return None


def kata_state(states: list[State]) -> State:
    """Solved when every check passes; not started while nothing at all is done."""
    if states and all(s is State.SOLVED for s in states):
        return State.SOLVED
    if states and all(s is State.NOT_STARTED for s in states):
        return State.NOT_STARTED
    return State.FAILING


def judge_file(kata: Kata, file: Path, stop_at_first: bool = False) -> FileVerdict:
    """Check every case of a kata file in this process."""
    prepare()
    try:
        attempt: RemoteAttempt | BaseException = load_attempt(file)
    except Exception as error:  # noqa: BLE001 - reported per case
        attempt = error
    results = []
    try:
        for case in cases(kata):
            verdict = judge(case, attempt)
            results.append((case, verdict))
            if stop_at_first and verdict.state is not State.SOLVED:
                break
    finally:
        if isinstance(attempt, RemoteAttempt):
            attempt.close()
    return FileVerdict(kata, kata_state([v.state for _, v in results]), tuple(results))
