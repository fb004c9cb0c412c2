"""Measure autokata's speed targets in one run, as ratios to the bare import time.

    python benchmarks/run.py [--repeat N] [--skip-cold] [--skip-watch]

F is the median time of `python -c "import torch, transformers"` measured in
this same run, so the figures compare across machines. Prints one table:
the full course warm (target <= 3 F), one kata (<= 1.5 F), the cold run
(<= warm + 5 s), peak memory (<= 1.5 GB), the watch loop's save -> verdict
latency (<= 0.5 s), and the check time per kata (how the course scales).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE_KATA = "solutions/05_sentiment.py"


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time of a command and its exit code (output discarded)."""
    start = time.perf_counter()
    code = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return time.perf_counter() - start, code


def median_time(command: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(timed(command, env)[0] for _ in range(repeat))


def pytest_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]


def per_kata_seconds(junit: Path) -> dict[str, float]:
    """Sum of check times per kata file, from a junit report."""
    totals: dict[str, float] = defaultdict(float)
    for case in ET.parse(junit).iter("testcase"):
        totals[case.get("classname", "").split(".")[-1]] += float(case.get("time", 0))
    return dict(totals)


def peak_rss_of(command: list[str]) -> float:
    """Peak resident memory (GB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024 / 1024


def watch_latency() -> float | None:
    script = ROOT / "benchmarks" / "watch_latency.py"
    if not script.exists():
        return None
    out = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True)
    found = re.search(r"save -> verdict: median ([0-9.]+) s", out.stdout)
    return float(found.group(1)) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per median (default 3)")
    parser.add_argument("--skip-cold", action="store_true", help="skip the empty-cache run")
    parser.add_argument("--skip-watch", action="store_true", help="skip the watch-loop latency")
    options = parser.parse_args()

    f = median_time([sys.executable, "-c", "import torch, transformers"], options.repeat)
    katas = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.py"))
    timed(pytest_command("solutions/"))  # warm the zoo cache and the OS file cache
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        warm, code = timed(pytest_command("solutions/", f"--junitxml={junit}"))
        per_kata = per_kata_seconds(junit)
    one = median_time(pytest_command(ONE_KATA), options.repeat)
    rows = [
        ("F: python -c 'import torch, transformers'", f, 1.0, "-"),
        (f"pytest solutions/ (warm, {len(katas)} katas, exit {code})", warm, warm / f, "<= 3 F"),
        (f"pytest {ONE_KATA}", one, one / f, "<= 1.5 F"),
    ]
    if not options.skip_cold:
        with tempfile.TemporaryDirectory() as empty:
            cold, _ = timed(pytest_command("solutions/"), env={**os.environ, "AUTOKATA_CACHE": empty})
        rows.append(("pytest solutions/ (cold: empty zoo cache)", cold, cold / f, f"<= warm + 5 s = {warm + 5:.1f} s"))
    memory = peak_rss_of(pytest_command("solutions/"))
    latency = None if options.skip_watch else watch_latency()

    print(f"{'measure':<52} {'seconds':>8} {'ratio to F':>10}  target")
    for name, seconds, ratio, target in rows:
        print(f"{name:<52} {seconds:>8.2f} {ratio:>10.2f}  {target}")
    print(f"{'peak memory of pytest solutions/ (GB)':<52} {memory:>8.2f} {'':>10}  <= 1.5 GB")
    if latency is not None:
        print(f"{'watch: save -> verdict, median':<52} {latency:>8.2f} {latency / f:>10.2f}  <= 0.5 s")
    if per_kata:
        checks = sum(per_kata.values())
        print(f"{'check time per kata (mean)':<52} {checks / len(per_kata):>8.2f} {checks / len(per_kata) / f:>10.2f}  -")
        slowest = sorted(per_kata.items(), key=lambda kv: -kv[1])[:5]
        print("slowest katas: " + ", ".join(f"{name} {seconds:.2f}s" for name, seconds in slowest))


if __name__ == "__main__":
    main()
