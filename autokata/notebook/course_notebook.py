"""A course notebook: per kata its question, its stub and a check cell, from the packaged stubs.

The notebook carries everything a learner needs except autokata itself: the
question is the stub's docstring (as Markdown), the code cell is the stub
without it, and the check cell calls `autokata.check("NN")`. So it runs on a
fresh Colab or Jupyter kernel after `pip install` of autokata, with no file
beside it. Cell ids are fixed, so writing the same course twice gives the
same file.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

from autokata import course, stubs

INTRO = """# autokata · katas for the Hugging Face transformers Auto classes

Each kata below asks a question, gives you a code cell with its functions to fill in (one TODO each),
and a check cell. Run the first code cell (`import autokata`) once, then for each kata: write your
answer, run its code cell, then its check cell. The hidden checks judge your functions against tiny
models built on this machine, outside this notebook's kernel; nothing is downloaded.
Stuck? `autokata.hint("01")` gives a hint (again for the next level); `autokata.explain("01")` tells
the whole lesson."""
IMPORT_CELL = "import autokata"
CHECK_CELL = 'autokata.check("{code}")'
HOW_TO_CHECK = (
    'Write your answer in the code cell below, run it, then run the check cell: `autokata.check("{code}")`. '
    'Stuck? `autokata.hint("{code}")`; the whole story: `autokata.explain("{code}")`.'
)
#: The stub's closing paragraph, which tells terminal users how to check.
_TERMINAL_HOWTO = re.compile(r"^Run `pytest .*$", re.DOTALL)


def course_notebook(katas: Sequence[course.Kata]):
    """The notebook (an nbformat v4 node) for these katas, in course order."""
    import nbformat

    cells = [
        nbformat.v4.new_markdown_cell(INTRO, id="autokata-intro"),
        nbformat.v4.new_code_cell(IMPORT_CELL, id="autokata-import"),
    ]
    for kata in sorted(katas, key=lambda k: k.number):
        text = stubs.stub(kata)
        if text is None:
            continue
        question, code = split_stub(kata, text.decode("utf-8"))
        cells += [
            nbformat.v4.new_markdown_cell(question, id=f"kata-{kata.code}-question"),
            nbformat.v4.new_code_cell(code, id=f"kata-{kata.code}-code"),
            nbformat.v4.new_code_cell(CHECK_CELL.format(code=kata.code), id=f"kata-{kata.code}-check"),
        ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata.update(
        {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        }
    )
    nbformat.validate(notebook)
    return notebook


def split_stub(kata: course.Kata, source: str) -> tuple[str, str]:
    """The stub's question (its docstring, as Markdown) and its code (everything else)."""
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    has_docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    if not (has_docstring and isinstance(first.value.value, str)):
        return f"## Kata {kata.code} · {kata.title}", source.strip() + "\n"
    lines = source.splitlines()
    code = "\n".join(lines[first.end_lineno :]).strip("\n")
    return question_markdown(kata, ast.get_docstring(tree, clean=True) or ""), code


def question_markdown(kata: course.Kata, docstring: str) -> str:
    """The docstring as a Markdown question: its title as a heading, the notebook's way to check last."""
    title, _, body = docstring.partition("\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    paragraphs = [p for p in paragraphs if not _TERMINAL_HOWTO.match(p.strip())]
    paragraphs.append(HOW_TO_CHECK.format(code=kata.code))
    return "\n\n".join([f"## {title.strip()}", *paragraphs])
