"""`python -m autokata.report DIR...`: the report without the `autokata` console script."""

from __future__ import annotations

import argparse

from autokata import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autokata.report", description=report.HELP + ".")
    report.add_arguments(parser)
    return report.run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
