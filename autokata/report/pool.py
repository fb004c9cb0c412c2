"""Check many learners' kata files in parallel: a process pool whose workers keep torch warm.

Each worker (one per core by default) imports torch and transformers once, in
its initializer, through the CLI's `WarmChecker`. It then checks each kata file
the way `autokata watch` does: in a fresh child forked from the warm worker,
under a time limit. A learner's endless loop, exit() or patched library ends
with that child, so it can neither stop the report nor change the verdict of
the next learner checked in the same worker.

Work goes out kata by kata, so a worker loads a kata's reference models once
(`WarmChecker.warm`) for all the learners it checks on that kata (for one
learner, as a Gradescope submission, warming would only double the work). Each worker
keeps to a core of its own: the checker shares a kata's cases among the cores
it may use, which with one worker per core would only add processes fighting
over the same cores (measured: a third slower).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import select
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from autokata import course, runner
from autokata.cli import checker
from autokata.report.results import TIMEOUT, KataResult, LearnerResult, learner_names, missing

FAILING = runner.State.FAILING.value
UNCHECKED = "autokata could not check this kata ({error}); please report this."


def check_learners(folders: list[Path], katas: list[course.Kata], jobs: int, time_limit: float) -> list[LearnerResult]:
    """One LearnerResult per folder, in the order given, each with a row per kata in course order."""
    found: dict[tuple[Path, str], KataResult] = {
        (folder, kata.code): missing(kata, folder)
        for kata in katas
        for folder in folders
        if not (folder / kata.filename).is_file()
    }
    tasks = [
        (kata, chunk)
        for kata in katas
        for chunk in _chunks([f for f in folders if (f, kata.code) not in found], _chunks_per_kata(jobs, katas))
    ]
    if tasks:
        found.update(_run(tasks, jobs, time_limit))
    return [
        LearnerResult(name, str(folder), tuple(found[folder, kata.code] for kata in katas))
        for name, folder in zip(learner_names(folders), folders)
    ]


def cores_available() -> list[int]:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


def _chunks_per_kata(jobs: int, katas: list[course.Kata]) -> int:
    """With fewer katas than workers, split each kata's learners so every worker gets some."""
    return max(1, math.ceil(jobs / len(katas))) if katas else 1


def _chunks(folders: list[Path], count: int) -> list[list[Path]]:
    return [chunk for chunk in (folders[start::count] for start in range(count)) if chunk]


def _run(
    tasks: list[tuple[course.Kata, list[Path]]], jobs: int, time_limit: float
) -> dict[tuple[Path, str], KataResult]:
    """Run the tasks on a pool; a task the pool itself fails on gives rows saying so."""
    found = {}
    workers = min(jobs, len(tasks))
    # spawn, not fork: the workers start from a clean interpreter, whatever the caller has imported.
    context = multiprocessing.get_context("spawn")
    cores = context.SimpleQueue()
    usable = cores_available()
    for worker in range(workers):
        cores.put(usable[worker % len(usable)])
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(cores,)) as pool:
        futures: dict[Future, tuple[course.Kata, list[Path]]] = {}
        for kata, chunk in tasks:
            files = [str(folder / kata.filename) for folder in chunk]
            futures[pool.submit(_check_kata, kata.code, files, time_limit)] = (kata, chunk)
        for future in as_completed(futures):
            kata, chunk = futures[future]
            try:
                rows = future.result()
            except Exception as error:  # noqa: BLE001 - a broken task must not stop the report
                message = UNCHECKED.format(error=repr(error))
                rows = [KataResult(kata.code, str(f / kata.filename), FAILING, message, None) for f in chunk]
            found.update({(folder, kata.code): row for folder, row in zip(chunk, rows)})
    return found


def _start_worker(cores: multiprocessing.SimpleQueue) -> None:
    """In each worker, once: a core of its own; torch, transformers and the zoo loaded and kept."""
    core = cores.get()
    if hasattr(os, "sched_setaffinity"):  # Linux; elsewhere the checker's own split stays
        os.sched_setaffinity(0, {core})
    checker.shared()


def _check_kata(code: str, files: list[str], time_limit: float) -> list[KataResult]:
    """In a worker: check several learners' files of one kata, after warming its reference models
    (only for several: warming runs the reference solution, as long as checking one file)."""
    kata = course.find(code)
    warm = checker.shared()
    if len(files) > 1:
        warm.warm(kata)
    return [_check_file(warm, kata, file, time_limit) for file in files]


def _check_file(warm: checker.WarmChecker, kata: course.Kata, file: str, time_limit: float) -> KataResult:
    started = time.perf_counter()
    running = warm.start(kata, Path(file), time_limit)
    ready, _, _ = select.select([running], [], [], time_limit)
    verdict = running.finish() if ready else running.timed_out()
    state = verdict.state if ready else TIMEOUT
    return KataResult(kata.code, file, state, verdict.message, round(time.perf_counter() - started, 3))
