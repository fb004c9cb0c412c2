"""`autokata notebook OUT.ipynb [--kata NN ...]`: write a course notebook for Jupyter or Colab."""

from __future__ import annotations

import argparse
from pathlib import Path

from autokata import course

HELP = "write a course notebook (Jupyter, Colab): per kata its question, its code cell and a check cell"
WROTE = (
    "Wrote {file}: {count} kata(s). Open it in Jupyter, or upload it to Colab and `pip install` autokata there first."
)
EXISTS = "{file} already exists: pass --force to overwrite it, or choose another name."
NOT_A_NOTEBOOK = "{file} should end in .ipynb."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from autokata.cli.project import parse_kata  # here: the CLI package imports this one

    parser.add_argument("out", type=Path, metavar="OUT.ipynb", help="the notebook file to write")
    parser.add_argument(
        "--kata",
        action="append",
        type=parse_kata,
        metavar="NN",
        help="put only this kata in the notebook (repeat for several; default: every kata whose checks exist)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT.ipynb if it exists")


def run(args: argparse.Namespace) -> int:
    import nbformat

    from autokata.cli.project import checks_exist
    from autokata.notebook.course_notebook import course_notebook

    out: Path = args.out
    if out.suffix != ".ipynb":
        print(NOT_A_NOTEBOOK.format(file=out))
        return 2
    if out.exists() and not args.force:
        print(EXISTS.format(file=out))
        return 1
    katas = args.kata or [kata for kata in course.KATAS if checks_exist(kata)]
    notebook = course_notebook(katas)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    nbformat.write(notebook, str(temporary))
    temporary.replace(out)
    print(WROTE.format(file=out, count=len({k.code for k in katas})))
    return 0
