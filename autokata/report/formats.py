"""The report written out: JSON (schema `autokata-report/1`), CSV for spreadsheets, a table for the terminal.

The JSON schema is described in the package docstring (`autokata.report`);
`SCHEMA` names its version, so a grading script can refuse a file it does not
know. The CSV is what an instructor opens in a spreadsheet: one row per
learner, one column per kata holding its state, then the totals; it starts
with a byte-order mark so Excel reads it as UTF-8.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from autokata import course
from autokata.judge.sandbox import Fence
from autokata.report.results import MISSING, TIMEOUT, LearnerResult
from autokata.runner import State

SCHEMA = "autokata-report/1"
CSV_ENCODING = "utf-8-sig"
CSV_FIRST_COLUMNS = ("learner", "folder")
CSV_LAST_COLUMNS = ("solved", "total")
SYMBOLS = {
    State.SOLVED.value: "✓",
    State.FAILING.value: "✗",
    State.NOT_STARTED.value: "○",
    MISSING: "?",
    TIMEOUT: "∞",
}
LEGEND = "✓ solved · ✗ failing · ○ not started · ? missing · ∞ timeout"
TABLE_HEADER_NAME = "learner"
TABLE_HEADER_TOTAL = "solved"


def as_json(learners: list[LearnerResult], katas: list[course.Kata], fence: Fence | None = None) -> dict:
    """The report as the documented JSON object."""
    return {
        "schema": SCHEMA,
        "protection": {"applied": fence.applied, "missing": fence.missing} if fence else None,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "course": [
            {"kata": kata.code, "file": kata.filename, "title": kata.title, "track": kata.track.letter}
            for kata in katas
        ],
        "learners": [
            {
                "name": learner.name,
                "folder": learner.folder,
                "katas": [asdict(result) for result in learner.katas],
                "solved": learner.solved,
                "total": learner.total,
            }
            for learner in learners
        ],
    }


def write_json(file: Path, learners: list[LearnerResult], katas: list[course.Kata], fence: Fence | None = None) -> None:
    file.write_text(json.dumps(as_json(learners, katas, fence), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def csv_header(katas: list[course.Kata]) -> list[str]:
    """`learner, folder, 01_embeddings, …, solved, total`: a kata's column is its file name without `.py`."""
    return [*CSV_FIRST_COLUMNS, *(kata.filename.removesuffix(".py") for kata in katas), *CSV_LAST_COLUMNS]


def write_csv(file: Path, learners: list[LearnerResult], katas: list[course.Kata]) -> None:
    with file.open("w", encoding=CSV_ENCODING, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(csv_header(katas))
        for learner in learners:
            states = [result.state for result in learner.katas]
            writer.writerow([learner.name, learner.folder, *states, learner.solved, learner.total])


def table(learners: list[LearnerResult], katas: list[course.Kata]) -> list[str]:
    """One line per learner, one column per kata (its number on top), the solved count last, a legend."""
    width = max([len(TABLE_HEADER_NAME), *(len(learner.name) for learner in learners)])
    header = " ".join([TABLE_HEADER_NAME.ljust(width), *(kata.code for kata in katas), TABLE_HEADER_TOTAL])
    rows = [
        " ".join(
            [
                learner.name.ljust(width),
                *(SYMBOLS[result.state].ljust(2) for result in learner.katas),
                f"{learner.solved}/{learner.total}",
            ]
        )
        for learner in learners
    ]
    return [header, *rows, "", LEGEND]
