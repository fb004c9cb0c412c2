"""The benchmark's floor script still runs (benchmarks/ are not timed tests; this keeps them from rotting)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

FLOORS = Path(__file__).resolve().parent.parent / "benchmarks" / "floors.py"


def load_floors():
    spec = importlib.util.spec_from_file_location("benchmark_floors", FLOORS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_of_a_family_prints_its_time():
    floors = load_floors()

    done = subprocess.run(floors.command(["seq2seq"]), capture_output=True, text=True, timeout=600)

    assert done.returncode == 0, done.stderr
    found = re.search(r"floor seq2seq: (\d+) checkpoints in ([0-9.]+) s", done.stdout)
    assert found, done.stdout
    assert int(found.group(1)) > 0 and float(found.group(2)) > 0
