"""`python -m autokata.warmup`: the warm-up without the `autokata` console script."""

from __future__ import annotations

import argparse
from pathlib import Path

from autokata import warmup
from autokata.cli import COURSE_HELP


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autokata.warmup", description=warmup.HELP + ".")
    parser.add_argument("--course", type=Path, metavar="DIR", help=COURSE_HELP)
    warmup.add_arguments(parser)
    return warmup.run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
