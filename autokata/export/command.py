"""`autokata export`: its options, and the run that writes each export asked for."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from autokata import course, stubs
from autokata.cli import checker
from autokata.cli.project import checks_exist, parse_kata
from autokata.export import classroom, gradescope, student
from autokata.argtypes import grading_seed, positive

HELP = "write a course for learners without the solutions, a Gradescope autograder or a GitHub Classroom assignment"
NOTHING_ASKED = "autokata export: say what to write: --student DIR, --gradescope ZIP and/or --github-classroom DIR."
NOT_EMPTY = "{folder} is not empty: export into a new or empty folder (nothing was written)."
NOT_READY = "Kata {code} cannot be exported: its stub or its checks have not landed in this version of autokata."
WROTE_STUDENT = (
    "Wrote a student copy of {count} kata(s) to {folder}: no reference solutions in it, and `autokata solution` "
    "refuses there. Learners: pip install as its README says, then pytest katas/."
)
WROTE_CLASSROOM = (
    "Wrote a GitHub Classroom assignment of {count} kata(s) to {folder}: push it as the assignment's template "
    "repository. {workflow} grades each kata ({points:g} point(s) each) with examples from grading seed {seed}."
)
WROTE_GRADESCOPE = (
    "Wrote the Gradescope autograder to {file}: {count} kata(s), {points:g} point(s) each, examples drawn from "
    "grading seed {seed}. Upload it as a zip autograder (base image Ubuntu 24.04); students submit their kata files."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--student",
        type=Path,
        metavar="DIR",
        help="write the course for learners to DIR: katas, a README, the install files, no solutions",
    )
    parser.add_argument(
        "--gradescope",
        type=Path,
        metavar="ZIP",
        help="write a Gradescope autograder zip (setup.sh, run_autograder) to ZIP",
    )
    parser.add_argument(
        "--github-classroom",
        type=Path,
        metavar="DIR",
        help="write a GitHub Classroom assignment template to DIR: the student copy and its autograding workflow",
    )
    parser.add_argument(
        "--kata",
        action="append",
        type=parse_kata,
        metavar="NN",
        help="export only this kata (repeat for several; default: every kata)",
    )
    parser.add_argument(
        "--points",
        type=positive(float),
        default=1.0,
        metavar="N",
        help="points per solved kata, in Gradescope and Classroom (default: %(default)g)",
    )
    parser.add_argument(
        "--seed",
        type=grading_seed,
        metavar="S",
        help="the grading seed Gradescope and Classroom draw examples from (default: one drawn at random now)",
    )
    parser.add_argument(
        "--time-limit",
        type=positive(float),
        default=checker.TIME_LIMIT_SECONDS,
        metavar="SECONDS",
        help="Gradescope: stop checking a kata file after this long (default: %(default)g)",
    )
    parser.add_argument(
        "--total-time-limit",
        type=positive(float),
        default=gradescope.TOTAL_TIME_LIMIT_SECONDS,
        metavar="SECONDS",
        help="Gradescope: stop checking a submission after this long and say so in its results "
        "(default: %(default)g, under Gradescope's own 10 minutes)",
    )


def run(args: argparse.Namespace) -> int:
    """Write every export asked for; refuse (exit 2) before writing anything when one cannot be."""
    folders = [folder for folder in (args.student, args.github_classroom) if folder is not None]
    if not folders and args.gradescope is None:
        print(NOTHING_ASKED, file=sys.stderr)
        return 2
    unready = [kata for kata in args.kata or [] if not _ready(kata)]
    if unready:
        print("\n".join(NOT_READY.format(code=kata.code) for kata in unready), file=sys.stderr)
        return 2
    katas = [kata for kata in course.KATAS if kata in (args.kata or course.KATAS) and _ready(kata)]
    busy = [folder for folder in folders if folder.exists() and (not folder.is_dir() or any(folder.iterdir()))]
    if busy:
        print("\n".join(NOT_EMPTY.format(folder=folder) for folder in busy), file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
    if args.student is not None and args.student != args.github_classroom:
        student.write(args.student, katas)
        print(WROTE_STUDENT.format(count=len(katas), folder=args.student))
    if args.github_classroom is not None:
        classroom.write(args.github_classroom, katas, args.points, seed)
        print(
            WROTE_CLASSROOM.format(
                count=len(katas), folder=args.github_classroom, workflow=classroom.WORKFLOW.as_posix(),
                points=args.points, seed=seed,
            )
        )  # fmt: skip
    if args.gradescope is not None:
        gradescope.write(args.gradescope, katas, args.points, seed, args.time_limit, args.total_time_limit)
        print(WROTE_GRADESCOPE.format(file=args.gradescope, count=len(katas), points=args.points, seed=seed))
    return 0


def _ready(kata: course.Kata) -> bool:
    return stubs.stub(kata) is not None and checks_exist(kata)
