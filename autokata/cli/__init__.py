"""The `autokata` console script: list, hint, explain, reset, solution, watch, warmup, report, export.

In the manner of rustlings.

Each verb lives in its own module with an `add_parser` (its options and help)
and a `run(args, project)` returning the exit status: 0 done, 1 refused or not
possible yet, 2 a usage error. Every verb works on one project folder (see
`project.py`); its state lives in `<project>/.autokata/`. A verb that can
start a course where there is none (`reset --all`) sets a `creates_course`
default saying when.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from autokata import export, notebook, report, warmup
from autokata.cli import explain, hint, listing, reset, solution, watch
from autokata.cli.project import NoCourse, Project

VERBS = (listing, hint, explain, reset, solution, watch)
#: Verbs that find their own folders (a report or an export runs outside any course).
STANDALONE_VERBS = {"warmup": warmup, "report": report, "notebook": notebook, "export": export}
DESCRIPTION = "Katas for the Hugging Face transformers Auto classes: your progress, hints, resets and watch mode."
COURSE_HELP = "the course folder (default: the nearest folder upward from here holding katas/)"


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="autokata", description=DESCRIPTION)
    main_parser.add_argument("--course", type=Path, metavar="DIR", help=COURSE_HELP)
    # Also accepted after the verb; SUPPRESS keeps a verb from erasing a --course given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--course", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=COURSE_HELP)
    verbs = main_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for verb in VERBS:
        verb.add_parser(verbs, common)
    for name, module in STANDALONE_VERBS.items():
        sub = verbs.add_parser(name, parents=[common], help=module.HELP, description=module.HELP + ".")
        module.add_arguments(sub)
        sub.set_defaults(run=module.run, standalone=True)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `autokata` console script."""
    args = parser().parse_args(argv)
    if getattr(args, "standalone", False):
        return args.run(args)
    try:
        project = Project.find(args.course)
    except NoCourse as error:
        creates_course = getattr(args, "creates_course", None)  # `reset --all` makes one where there is none
        if creates_course is None or not creates_course(args):
            print(error)
            return 2
        project = Project((args.course or Path.cwd()).resolve())
    return args.run(args, project)
