"""Shared helpers for the project's end-to-end tests: lay out learner folders, run pytest on them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUB = ROOT / "katas" / "01_embeddings.py"
SOLUTION = ROOT / "solutions" / "01_embeddings.py"
NOISE = ("LOAD REPORT", "Loading weights", "it/s]", "Warning", "warn(", "Traceback", "UNEXPECTED", "MISSING")


def write_kata(folder: Path, source: Path | str, name: str = "01_embeddings.py") -> Path:
    """Put a kata attempt (a file to copy, or source text) into `folder` under a kata name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if isinstance(source, Path):
        shutil.copyfile(source, target)
    else:
        target.write_text(source)
    return target


def run_pytest(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run pytest as a learner would, in a fresh interpreter (the plugin comes from its entry point)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )


def solution_source(swap: tuple[str, str] | None = None) -> str:
    """Kata 01's solution, optionally with one text replaced (to make a broken variant)."""
    text = SOLUTION.read_text()
    if swap:
        assert swap[0] in text, swap[0]
        text = text.replace(*swap)
    return text
