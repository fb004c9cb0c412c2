"""`autokata solution NN`: the reference solution, once the learner's own kata is solved.

As in rustlings, the answer is a reward for solving, not a shortcut: before the
kata is solved it refuses unless `--force`. The solutions ship as package data
(`autokata.stubs`), so this works from a pip install too.
"""

from __future__ import annotations

import argparse

from autokata import course, stubs
from autokata.cli import status
from autokata.cli.project import Project, parse_kata

HELP = "show a kata's reference solution (once you have solved it)"
HEADER = "Reference solution of kata {code} · {title}"
REFUSED = (
    "Kata {code} is {state} in {file}, so its solution stays hidden: solve it first "
    "(`autokata hint {code}` helps), or pass --force to see it anyway."
)
NO_SOLUTION = "autokata ships no reference solution for kata {code} yet."


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("solution", parents=[common], help=HELP, description=HELP + ".")
    parser.add_argument("kata", type=parse_kata, help="the kata: its number (5, 05) or file name")
    parser.add_argument("--force", action="store_true", help="show the solution even before the kata is solved")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    kata: course.Kata = args.kata
    answer = stubs.solution(kata)
    if answer is None:
        print(NO_SOLUTION.format(code=kata.code))
        return 1
    if not args.force:
        (found,) = status.statuses(project, [kata])
        if found.standing is not status.Standing.SOLVED:
            print(REFUSED.format(code=kata.code, state=found.standing.value, file=project.shown(found.file)))
            return 1
    print(HEADER.format(code=kata.code, title=kata.title))
    print()
    print(answer.decode("utf-8"), end="")
    return 0
