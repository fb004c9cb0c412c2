"""Time a process from outside: wall seconds, CPU seconds and peak memory, its children included.

`measure(command)` runs one command to its end and returns a `Sample`. Its CPU
seconds are the user + sys time that `resource.getrusage(RUSAGE_CHILDREN)` of
this process gains by waiting for it (the command, and every process it waited
for: pytest-xdist workers, forked checks, learner processes); its peak memory
is the largest resident set of any one of those processes (`os.wait4`).
The commands the benchmark times, each in a fresh process, with the
environment it was started in:

- `pytest_command(path)`: `pytest` of one solution file, or of `solutions/`;
- floors.command(families): the plain-transformers floor (floors.py).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    wall: float
    cpu: float
    max_rss_gb: float
    returncode: int
    output: str = ""


def measure(command: list[str], cwd: Path = ROOT, keep_output: bool = False) -> Sample:
    """Run `command` to its end and measure it (output kept only if asked: it can be long)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read()  # to the end: the process has closed its output (or died)
    process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = output.decode(errors="replace") if keep_output or process.returncode else ""
    return Sample(wall, cpu, usage.ru_maxrss / 1024 / 1024, process.returncode, text[-4000:])


def pytest_command(*args: str) -> list[str]:
    """A fresh `pytest`, as a learner runs it (no cache written into the course)."""
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]


def solution(code: str) -> Path:
    """The reference solution file of kata `code` ("05" -> solutions/05_sentiment.py)."""
    found = sorted(SOLUTIONS.glob(f"{code}_*.py"))
    if not found:
        raise FileNotFoundError(f"no solutions/{code}_*.py")
    return found[0]


def median(samples: list[Sample], field: str = "wall") -> float:
    return statistics.median(getattr(sample, field) for sample in samples)
