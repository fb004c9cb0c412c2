"""Inside a Gradescope autograder: check a submission's kata files, write `results/results.json`.

`run_autograder` (see `gradescope.py`) runs `python -m autokata.export.autograder`
(this module's `main`) for each submission. The kata files are found anywhere in
`$AUTOGRADER_ROOT/submission` (default root `/autograder`; `katas/NN_slug.py`
first, for a submitted repository), copied to a scratch folder and checked as
`autokata report` checks a learner's folder: each file in a learner process,
under a time limit, with examples drawn from the export's grading seed.
`results.json` follows Gradescope's specification: one test per kata (`name`,
`number`, `score`, `max_score`, `status` passed or failed, `output` the
kata's lesson), the total `score`, and the seed in `extra_data`. It is written
in one step (a temporary file renamed), so Gradescope never reads half of it;
should this program crash or run out of time, `run_autograder` writes the
fallback results instead (every kata 0 points, saying why).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from autokata import course, quiet, runner

CONFIG = "autokata-grading.json"
ROOT_VARIABLE = "AUTOGRADER_ROOT"
DEFAULT_ROOT = "/autograder"
RESULTS = Path("results") / "results.json"
SOLVED_OUTPUT = "Solved: every check passes."
MISSING_OUTPUT = (
    "Your submission has no {file}. Upload your kata files named as in the course "
    "(katas/{file}, or {file} on its own)."
)
SUMMARY = "autokata checked {katas} kata(s): {solved} solved."
SEEDED = "The checks drew their examples from grading seed {seed}: values your own runs did not show you."
#: What the fallback results say (written by run_autograder when this program did not finish).
CRASHED = (
    "autokata could not finish checking this submission (it stopped with exit status {status}). "
    "Please tell your instructor."
)
TIMED_OUT = "autokata ran out of time checking this submission (after {seconds} s). Please tell your instructor."
REASON_PLACEHOLDER = "@REASON@"
PASSED, FAILED = "passed", "failed"


@dataclass(frozen=True)
class Settings:
    """What the export decided: the katas, points per kata, the grading seed, a kata's time limit."""

    katas: tuple[str, ...]
    points: float
    seed: int | None
    time_limit: float
    total_time_limit: float

    @classmethod
    def read(cls, file: Path) -> "Settings":
        raw = json.loads(file.read_text(encoding="utf-8"))
        return cls(
            katas=tuple(raw["katas"]),
            points=float(raw["points"]),
            seed=raw.get("seed"),
            time_limit=float(raw["time_limit"]),
            total_time_limit=float(raw["total_time_limit"]),
        )


def find_kata_file(submission: Path, kata: course.Kata) -> Path | None:
    """The submitted file of a kata: under `katas/` first, else the shallowest; hidden folders skipped."""
    found = [
        file
        for file in submission.rglob(kata.filename)
        if file.is_file() and not any(part.startswith(".") for part in file.relative_to(submission).parts[:-1])
    ]
    found.sort(key=lambda f: (f.parent.name != "katas", len(f.relative_to(submission).parts), str(f)))
    return found[0] if found else None


def grade(root: Path, settings: Settings) -> dict:
    """Check the submission under `root` and return Gradescope's results object."""
    from autokata.judge import sandbox
    from autokata.kit import profiles
    from autokata.report import pool

    started = time.monotonic()
    quiet.offline_and_quiet_environment()
    katas = [course.find(code) for code in settings.katas]
    submission = root / "submission"
    with tempfile.TemporaryDirectory(prefix="autokata-submission-") as scratch:
        folder = Path(scratch) / "submission"
        folder.mkdir()
        shown: dict[str, str] = {}
        for kata in katas:
            file = find_kata_file(submission, kata) if submission.is_dir() else None
            if file is not None:
                shutil.copyfile(file, folder / kata.filename)
                shown[str(folder / kata.filename)] = file.relative_to(submission).as_posix()
        fence = sandbox.probe()
        with profiles.grading_seed(settings.seed):
            (learner,) = pool.check_learners([folder], katas, len(pool.cores_available()), settings.time_limit)
    tests = []
    for kata, result in zip(katas, learner.katas):
        solved = result.state == runner.State.SOLVED.value
        if result.state == "missing":
            output = MISSING_OUTPUT.format(file=kata.filename)
        else:
            output = SOLVED_OUTPUT if solved else _shown(result.message, shown)
        tests.append(_test(kata, settings.points if solved else 0.0, settings.points, output, result.state))
    output = [SUMMARY.format(katas=len(katas), solved=learner.solved)]
    if settings.seed is not None:
        output.append(SEEDED.format(seed=settings.seed))
    return {
        "score": sum(test["score"] for test in tests),
        "execution_time": round(time.monotonic() - started),
        "output": " ".join(output),
        "extra_data": {
            "autokata_seed": settings.seed,
            "autokata_protection": {"applied": fence.applied, "missing": fence.missing},
        },
        "tests": tests,
    }


def fallback(settings: Settings, reason: str) -> dict:
    """The results when checking did not finish: every kata failed with 0 points, saying why."""
    katas = [course.find(code) for code in settings.katas]
    return {
        "score": 0.0,
        "output": reason,
        "extra_data": {"autokata_seed": settings.seed},
        "tests": [_test(kata, 0.0, settings.points, reason, None) for kata in katas],
    }


def write_results(file: Path, results: dict) -> None:
    """Replace the results file in one step."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".results-", suffix=".json", dir=file.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    os.chmod(temporary, 0o644)
    os.replace(temporary, file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m autokata.export.autograder",
        description="Check a Gradescope submission's kata files and write results/results.json.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(os.environ.get(ROOT_VARIABLE) or DEFAULT_ROOT),
        help=f"the autograder folder, with source/ and submission/ (default: ${ROOT_VARIABLE} or {DEFAULT_ROOT})",
    )
    parser.add_argument("--config", type=Path, help=f"the export's settings (default: ROOT/source/{CONFIG})")
    args = parser.parse_args(argv)
    settings = Settings.read(args.config or args.root / "source" / CONFIG)
    write_results(args.root / RESULTS, grade(args.root, settings))
    return 0


def _test(kata: course.Kata, score: float, max_score: float, output: str, state: str | None) -> dict:
    return {
        "name": f"{kata.code} · {kata.title}",
        "number": kata.code,
        "score": score,
        "max_score": max_score,
        "status": PASSED if score == max_score and state == runner.State.SOLVED.value else FAILED,
        "output": output,
    }


def _shown(message: str, shown: dict[str, str]) -> str:
    """The message with the scratch copy's path replaced by the path the learner submitted."""
    for scratch, submitted in shown.items():
        message = message.replace(scratch, submitted)
    return message
