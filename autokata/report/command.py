"""`autokata report`: its options, and the run that checks the folders and writes the results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from datetime import datetime, timezone

from autokata import course, quiet
from autokata.cli import checker
from autokata.judge import sandbox
from autokata.cli.project import checks_exist, parse_kata
from autokata.kit import profiles
from autokata.report import flags, formats, html, pool
from autokata.argtypes import NOT_POSITIVE, grading_seed, positive  # noqa: F401  (NOT_POSITIVE: tests read it here)

HELP = "check learners' folders of kata files and report each kata's state (for instructors)"
CHECKING = "autokata report: checking {learners} learner folder(s) on {katas} kata(s) with {jobs} worker(s)…"
SEEDED = "autokata report: drawing examples from grading seed {seed} ({examples} per property), not the learners' own."
WROTE = "Wrote {file}"
NO_CHECKS = "Kata {code} cannot be reported: its checks have not landed in this version of autokata."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folders",
        nargs="+",
        type=Path,
        metavar="DIR",
        help="a learner's folder of kata files named as in the course (01_embeddings.py, …); one per learner",
    )
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the results as JSON (schema autokata-report/1) to FILE"
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="also write a CSV for spreadsheets to FILE: a row per learner, a column per kata",
    )
    parser.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="also write a gradebook to FILE: one self-contained page, a heat map of learners x katas",
    )
    parser.add_argument(
        "--seed",
        type=grading_seed,
        metavar="S",
        help="grade with hypothesis examples drawn from seed S instead of the learners' own stable draws, "
        "and more of them; the same seed gives the same verdicts (default: the learners' stable examples)",
    )
    parser.add_argument(
        "--kata",
        action="append",
        type=parse_kata,
        metavar="NN",
        help="report only this kata (repeat for several; default: every kata whose checks exist)",
    )
    parser.add_argument(
        "--jobs",
        type=positive(int),
        default=len(pool.cores_available()),
        metavar="N",
        help="how many katas to check at once, each worker on its own core (default: the cores available, %(default)s)",
    )
    parser.add_argument(
        "--time-limit",
        type=positive(float),
        default=checker.TIME_LIMIT_SECONDS,
        metavar="SECONDS",
        help="stop checking a kata file after this long and report it as a timeout (default: %(default)g)",
    )


def run(args: argparse.Namespace) -> int:
    """Check every folder on every kata asked for; print the table and write the files asked for."""
    quiet.offline_and_quiet_environment()  # the workers inherit it before they import transformers
    unavailable = [kata for kata in args.kata or [] if not checks_exist(kata)]
    if unavailable:
        print("\n".join(NO_CHECKS.format(code=kata.code) for kata in unavailable), file=sys.stderr)
        return 2
    katas = [kata for kata in course.KATAS if kata in (args.kata or course.KATAS) and checks_exist(kata)]
    print(CHECKING.format(learners=len(args.folders), katas=len(katas), jobs=args.jobs), file=sys.stderr, flush=True)
    seed = args.seed
    if seed is not None:
        print(SEEDED.format(seed=seed, examples=profiles.GRADING_EXAMPLES), file=sys.stderr, flush=True)
    fence = sandbox.probe()
    print(sandbox.describe(fence), file=sys.stderr, flush=True)
    with profiles.grading_seed(seed):  # the workers start inside, so they draw from it
        learners = pool.check_learners(args.folders, katas, args.jobs, args.time_limit)
    learners = flags.annotate(learners, katas)
    print("\n".join(formats.table(learners, katas, seed)))
    if args.json:
        formats.write_json(args.json, learners, katas, fence, seed)
        print(WROTE.format(file=args.json))
    if args.csv:
        formats.write_csv(args.csv, learners, katas, seed)
        print(WROTE.format(file=args.csv))
    if args.html:
        generated_at = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
        html.write_html(args.html, learners, katas, generated_at, fence, seed)
        print(WROTE.format(file=args.html))
    return 0
