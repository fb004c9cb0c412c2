"""`python -m autokata.notebook.judge FILE`: judge one kata file and print its verdict as one JSON line.

`autokata.check` runs this in a fresh interpreter, outside the notebook's
kernel: the verdict comes from `runner.judge_file`, as in the project's own
tests, with the checks and verdicts `pytest` gives the same file. Whatever the
learner's code prints goes to stderr, so stdout carries nothing but the
verdict:

    {"kata": "16", "title": "...", "state": "failing", "message": "...",
     "checks": [{"id": "...", "title": "...", "state": "solved", "message": ""}, ...]}
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from autokata import course, quiet

USAGE_UNKNOWN = "{name} is not named like a kata file (NN_slug.py, e.g. 05_sentiment.py)"


def verdict_payload(file: Path) -> dict:
    """Judge `file` (named like its kata) and return the verdict as plain data."""
    from autokata import runner  # after the environment is made offline and quiet

    kata = course.kata_for_file(file.name)
    if kata is None:
        raise ValueError(USAGE_UNKNOWN.format(name=file.name))
    verdict = runner.judge_file(kata, file)
    problem = verdict.first_problem
    return {
        "kata": kata.code,
        "title": kata.title,
        "state": verdict.state.value,
        "message": problem.message if problem is not None else "",
        "checks": [
            {"id": case.id, "title": case.title, "state": result.state.value, "message": result.message}
            for case, result in verdict.results
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m autokata.notebook.judge", description="Judge one kata file; print its verdict as JSON."
    )
    parser.add_argument("file", type=Path, help="a kata file, named like its kata (NN_slug.py)")
    args = parser.parse_args(argv)
    if course.kata_for_file(args.file.name) is None:
        parser.error(USAGE_UNKNOWN.format(name=args.file.name))
    quiet.offline_and_quiet_environment()
    verdict_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # from here on, anything written to stdout (the learner's prints) goes to stderr
    payload = verdict_payload(args.file)
    sys.stdout.flush()
    verdict_out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    verdict_out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
