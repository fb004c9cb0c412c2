"""How many learner folders per minute `autokata report` checks, on the full course.

    python benchmarks/report_throughput.py [--learners 4] [--jobs 2]

Makes LEARNERS folders, each a copy of solutions/ (every kata solved, so every
check runs to the end: the slowest case), and times
`python -m autokata.report --jobs JOBS` over them as an instructor would run
it, from start to exit (the workers' torch import included). Prints the
katas, the time and, on the last line, the learner folders per minute.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--learners", type=int, default=4, help="learner folders, each a copy of solutions/ (default 4)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="report workers, one per core (default 2)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="autokata-report-bench-") as temporary:
        folders = [Path(temporary) / f"learner{n:02d}" for n in range(options.learners)]
        for folder in folders:
            shutil.copytree(ROOT / "solutions", folder)
        results = Path(temporary) / "report.json"
        command = [sys.executable, "-m", "autokata.report", "--jobs", str(options.jobs), "--json", str(results)]
        start = time.perf_counter()
        subprocess.run([*command, *map(str, folders)], cwd=ROOT, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        learners = json.loads(results.read_text())["learners"]

    katas = learners[0]["total"]
    solved = sum(learner["solved"] for learner in learners)
    print(f"{options.learners} learner folders x {katas} katas on {options.jobs} workers: {seconds:.1f} s")
    print(f"solved {solved} of {options.learners * katas} (every kata should be: each folder is solutions/)")
    for learner in learners:
        for row in learner["katas"]:
            if row["state"] != "solved":
                print(f"  {row['file']}: {row['state']}: {row['message'].splitlines()[0] if row['message'] else ''}")
    print("learner folders per minute:")
    print(f"{options.learners / seconds * 60:.2f}")


if __name__ == "__main__":
    main()
