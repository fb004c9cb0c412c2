"""`autokata solution NN`: the reference solution, once the learner's own kata is solved.

As in rustlings, the answer is a reward for solving, not a shortcut: before the
kata is solved it refuses unless `--force`. The solutions ship as package data
(`autokata.stubs`), so this works from a pip install too. In a course whose
instructor withheld the solutions (`autokata export --student` marks it in
`autokata-course.toml`), it refuses always, `--force` or not, and never reads
the packaged solutions.
"""

from __future__ import annotations

import argparse
import time

from autokata import course, stubs
from autokata.cli import explain, status
from autokata.cli.project import Project, parse_kata
from autokata.warmup import session

HELP = "show a kata's reference solution (once you have solved it)"
REFUSED = (
    "Kata {code} is {state} in {file}, so its solution stays hidden: solve it first "
    "(`autokata hint {code}` helps), or pass --force to see it anyway."
)
WITHHELD = (
    "Your instructor withheld the reference solutions of this course, so autokata will not show "
    "kata {code}'s. `autokata hint {code}` gives hints level by level, and `autokata explain {code}` "
    "its whole lesson."
)
NO_SOLUTION = "autokata ships no reference solution for kata {code} yet."


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("solution", parents=[common], help=HELP, description=HELP + ".")
    parser.add_argument("kata", type=parse_kata, help="the kata: its number (5, 05) or file name")
    parser.add_argument(
        "--force",
        action="store_true",
        help="show the solution even before the kata is solved (not in a course whose solutions are withheld)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    kata: course.Kata = args.kata
    if project.solutions_withheld:
        print(WITHHELD.format(code=kata.code))
        return 1
    answer = stubs.solution(kata)
    if answer is None:
        print(NO_SOLUTION.format(code=kata.code))
        return 1
    (found,) = status.statuses(project, [kata])
    if found.standing is not status.Standing.SOLVED:
        if not args.force:
            print(REFUSED.format(code=kata.code, state=found.standing.value, file=project.shown(found.file)))
            return 1
        session.record_help(project.root, kata, session.SOLUTION, 0, time.time())
    print(answer.decode("utf-8"), end="")
    print(commented(explain.text(kata)))
    return 0


def commented(text: str) -> str:
    """The lesson as Python comments, so `autokata solution 05 > 05_sentiment.py` stays a valid kata file."""
    return "\n" + "\n".join(f"# {line}".rstrip() for line in text.splitlines()) + "\n"
