"""`autokata explain NN`: the kata's whole lesson, when the learner chooses to be told.

The kata file only asks; the explanation (which class or keyword answers it,
and why) is the kata's lesson, kept with its checks. Reading it is never
forbidden, but in a warm-up it is recorded on the scorecard, like a hint.
"""

from __future__ import annotations

import argparse
import time

from autokata import course, runner
from autokata.cli import status
from autokata.cli.project import Project, checks_exist, parse_kata
from autokata.warmup import session

HELP = "tell the whole lesson of a kata (what answers it and why)"
HEADER = "Lesson · kata {code} · {title}"


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("explain", parents=[common], help=HELP, description=HELP + ".")
    parser.add_argument("kata", type=parse_kata, help="the kata: its number (5, 05) or file name")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    kata: course.Kata = args.kata
    if not checks_exist(kata):
        print(status.NOT_AVAILABLE_LESSON.format(code=kata.code))
        return 1
    session.record_help(project.root, kata, session.EXPLAIN, 0, time.time())
    print(text(kata))
    return 0


def text(kata: course.Kata) -> str:
    """The lesson under its header, as `explain`, `solution` and watch's solved screen show it."""
    return HEADER.format(code=kata.code, title=kata.title) + "\n\n" + runner.lesson(kata)
