"""The report written out: JSON (schema `autokata-report/1`), CSV for spreadsheets, a table for the terminal.

The JSON schema is described in the package docstring (`autokata.report`);
`SCHEMA` names its version, so a grading script can refuse a file it does not
know. The CSV is what an instructor opens in a spreadsheet: one row per
learner, one column per kata holding its state, then the totals, the flags and
the grading seed; it starts with a byte-order mark so Excel reads it as UTF-8.
The HTML gradebook is in `html.py`.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from autokata import course
from autokata.judge.sandbox import Fence
from autokata.report import flags as flagging
from autokata.report.results import MISSING, TIMEOUT, LearnerResult
from autokata.runner import State

SCHEMA = "autokata-report/1"
CSV_ENCODING = "utf-8-sig"
CSV_FIRST_COLUMNS = ("learner", "folder")
CSV_LAST_COLUMNS = ("solved", "total", "flags", "seed")
SYMBOLS = {
    State.SOLVED.value: "✓",
    State.FAILING.value: "✗",
    State.NOT_STARTED.value: "○",
    MISSING: "?",
    TIMEOUT: "∞",
}
LEGEND = "✓ solved · ✗ failing · ○ not started · ? missing · ∞ timeout"
#: After a kata's symbol in the table: the row has flags (listed under the table).
FLAG_MARK = "!"
FLAGS_HEADING = "{mark} flags, for you to look at (they change no verdict):"
FLAG_LINE = "  {learner} {kata}: {words}"
FOLDER_FLAG_LINE = "  {learner}: {words}"
#: Under the table when the checks drew from a grading seed.
SEED_LINE = "Examples drawn from grading seed {seed} (not the learners' own draws)."
TABLE_HEADER_NAME = "learner"
TABLE_HEADER_TOTAL = "solved"


def as_json(
    learners: list[LearnerResult], katas: list[course.Kata], fence: Fence | None = None, seed: int | None = None
) -> dict:
    """The report as the documented JSON object."""
    return {
        "schema": SCHEMA,
        "protection": {"applied": fence.applied, "missing": fence.missing} if fence else None,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "seed": seed,
        "course": [
            {"kata": kata.code, "file": kata.filename, "title": kata.title, "track": kata.track.letter}
            for kata in katas
        ],
        "learners": [
            {
                "name": learner.name,
                "folder": learner.folder,
                "katas": [{**asdict(result), "flags": list(result.flags)} for result in learner.katas],
                "solved": learner.solved,
                "total": learner.total,
            }
            for learner in learners
        ],
    }


def write_json(
    file: Path,
    learners: list[LearnerResult],
    katas: list[course.Kata],
    fence: Fence | None = None,
    seed: int | None = None,
) -> None:
    text = json.dumps(as_json(learners, katas, fence, seed), indent=2, ensure_ascii=False)
    file.write_text(text + "\n", encoding="utf-8")


def csv_header(katas: list[course.Kata]) -> list[str]:
    """`learner, folder, 01_embeddings, …, solved, total, flags, seed`: a kata's column is its file
    name without `.py`."""
    return [*CSV_FIRST_COLUMNS, *(kata.filename.removesuffix(".py") for kata in katas), *CSV_LAST_COLUMNS]


def csv_flags(learner: LearnerResult) -> str:
    """A learner's flags in one cell: `05 reference-solution identical-to:bob; 07 uses-autokata`."""
    return "; ".join(" ".join([result.kata, *result.flags]) for result in learner.katas if result.flags)


def write_csv(file: Path, learners: list[LearnerResult], katas: list[course.Kata], seed: int | None = None) -> None:
    with file.open("w", encoding=CSV_ENCODING, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(csv_header(katas))
        for learner in learners:
            states = [result.state for result in learner.katas]
            writer.writerow(
                [learner.name, learner.folder, *states, learner.solved, learner.total, csv_flags(learner),
                 "" if seed is None else seed]
            )  # fmt: skip


def table(learners: list[LearnerResult], katas: list[course.Kata], seed: int | None = None) -> list[str]:
    """One line per learner, one column per kata (its number on top; `!` after a symbol: flags),
    the solved count last, a legend, the flags in words and the grading seed."""
    width = max([len(TABLE_HEADER_NAME), *(len(learner.name) for learner in learners)])
    header = " ".join([TABLE_HEADER_NAME.ljust(width), *(kata.code for kata in katas), TABLE_HEADER_TOTAL])
    rows = [
        " ".join(
            [
                learner.name.ljust(width),
                *((SYMBOLS[result.state] + (FLAG_MARK if result.flags else "")).ljust(2) for result in learner.katas),
                f"{learner.solved}/{learner.total}",
            ]
        )
        for learner in learners
    ]
    flagged = [line for learner in learners for line in flag_lines(learner)]
    lines = [header, *rows, "", LEGEND]
    if flagged:
        lines += ["", FLAGS_HEADING.format(mark=FLAG_MARK), *flagged]
    if seed is not None:
        lines += ["", SEED_LINE.format(seed=seed)]
    return lines


def flag_lines(learner: LearnerResult) -> list[str]:
    """A line per flagged kata, and one for what the folder carries (shared by all its rows)."""
    lines = []
    for result in learner.katas:
        own = [flag for flag in result.flags if flag not in flagging.FOLDER_FLAGS]
        if own:
            words = "; ".join(flagging.described(flag) for flag in own)
            lines.append(FLAG_LINE.format(learner=learner.name, kata=result.kata, words=words))
    around = sorted({flag for result in learner.katas for flag in result.flags if flag in flagging.FOLDER_FLAGS})
    if around:
        words = "; ".join(flagging.described(flag) for flag in around)
        lines.append(FOLDER_FLAG_LINE.format(learner=learner.name, words=words))
    return lines
