"""Katas in Jupyter and Colab: `autokata.check("05")`, `hint`, `explain`, and `autokata notebook OUT.ipynb`.

In a notebook cell, after defining a kata's functions, `autokata.check("05")`
judges them with the checks `pytest` runs, in a separate process (the
notebook's kernel never decides its own verdict), and shows the verdict as
the cell's output. `autokata notebook OUT.ipynb` writes a course notebook:
per kata its question, its stub and a check cell.

Modules: `kernel` (a kata file from the kernel's state), `judge` (`python -m
autokata.notebook.judge FILE`: the verdict as JSON), `checking` (`check`),
`lessons` (`hint`, `explain`), `display` (what they show, HTML and text),
`course_notebook` (the notebook's cells), `command` (the CLI verb). Importing
this package costs no torch: the judge imports it in its own process.
"""

from autokata.notebook.checking import check
from autokata.notebook.command import HELP, add_arguments, run
from autokata.notebook.lessons import explain, hint

__all__ = ["HELP", "add_arguments", "check", "explain", "hint", "run"]
