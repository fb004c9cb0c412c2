"""`python -m autokata.export`: the export without the `autokata` console script."""

from __future__ import annotations

import argparse

from autokata import export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autokata.export", description=export.HELP + ".")
    export.add_arguments(parser)
    return export.run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
