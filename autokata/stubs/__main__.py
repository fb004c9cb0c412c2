"""`python -m autokata.stubs [CLONE]`: copy katas/ and solutions/ into the package data."""

from __future__ import annotations

import argparse
from pathlib import Path

from autokata import stubs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m autokata.stubs",
        description="Refresh the packaged pristine stubs and reference solutions from a clone.",
    )
    parser.add_argument(
        "clone",
        nargs="?",
        type=Path,
        default=stubs.CLONE,
        help="the clone holding katas/ and solutions/ (default: the one this package sits in)",
    )
    clone = parser.parse_args(argv).clone
    changed = stubs.refresh(clone)
    for name in changed:
        print(f"refreshed autokata/stubs/{name}")
    print(f"{len(changed)} packaged file(s) refreshed from {clone}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
