"""How many learner folders per minute `autokata report` checks, on the full course.

    python benchmarks/report_throughput.py [--learners 4] [--jobs N]

Makes LEARNERS folders, each a copy of solutions/ (every kata solved, so every
check runs to the end: the slowest case), and times
`python -m autokata.report --jobs JOBS` over them as an instructor would run
it, from start to exit (the workers' torch import included). Prints the
katas, the time and, on the last line, the learner folders per minute.
Target: >= 10 folders per minute.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_MINUTE = 10.0


@dataclass(frozen=True)
class Throughput:
    learners: int
    jobs: int
    seconds: float
    katas: int
    solved: int
    #: "file: state: first line of its message" for every kata of a folder not solved.
    unsolved: list[str] = field(default_factory=list)

    @property
    def per_minute(self) -> float:
        return self.learners / self.seconds * 60


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def measure(learners: int, jobs: int) -> Throughput:
    """Time one `autokata report` over `learners` copies of solutions/."""
    with tempfile.TemporaryDirectory(prefix="autokata-report-bench-") as temporary:
        folders = [Path(temporary) / f"learner{n:02d}" for n in range(learners)]
        for folder in folders:
            shutil.copytree(ROOT / "solutions", folder)
        results = Path(temporary) / "report.json"
        command = [sys.executable, "-m", "autokata.report", "--jobs", str(jobs), "--json", str(results)]
        start = time.perf_counter()
        subprocess.run([*command, *map(str, folders)], cwd=ROOT, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        rows = json.loads(results.read_text())["learners"]
    unsolved = [
        f"{row['file']}: {row['state']}: {row['message'].splitlines()[0] if row['message'] else ''}"
        for learner in rows
        for row in learner["katas"]
        if row["state"] != "solved"
    ]
    solved = sum(learner["solved"] for learner in rows)
    return Throughput(learners, jobs, seconds, rows[0]["total"], solved, unsolved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--learners", type=int, default=4, help="learner folders, each a copy of solutions/ (default 4)"
    )
    parser.add_argument("--jobs", type=int, default=cores(), help="report workers, one per core (default: the cores)")
    options = parser.parse_args()

    result = measure(options.learners, options.jobs)
    print(f"{result.learners} learner folders x {result.katas} katas on {result.jobs} workers: {result.seconds:.1f} s")
    total = result.learners * result.katas
    print(f"solved {result.solved} of {total} (every kata should be: each folder is solutions/)")
    for line in result.unsolved:
        print(f"  {line}")
    print("learner folders per minute:")
    print(f"{result.per_minute:.2f}")


if __name__ == "__main__":
    main()
