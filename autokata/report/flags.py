"""Flags: what an instructor should look at in a learner's kata file. A flag never changes a verdict.

Checks judge behaviour, so a kata file copied from the reference solution, or
from another learner, solves its kata like any other; and a file reaching for
autokata itself, or a folder carrying a `conftest.py`, is worth a look even
though neither changes what the checks decide (they run apart from the
learner's code). Each learner x kata row gets a list of flags:

- `reference-solution`: the file is the reference solution, once formatting,
  comments and docstrings are set aside (the normalised syntax tree is equal);
- `identical-to:NAME`: the same normalised file as learner NAME's (untouched
  stubs do not count: every learner starts from them);
- `uses-autokata`: it imports autokata, or a string in it names autokata (a
  path into its checks, `__import__("autokata")`);
- `conftest`, `other-python-files`: the learner's folder carries a
  `conftest.py`, or Python files that are not kata files (every row of that
  learner has them: they could reach any kata).
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from pathlib import Path

from autokata import course, stubs
from autokata.report.results import MISSING, LearnerResult

REFERENCE = "reference-solution"
IDENTICAL = "identical-to:"
USES_AUTOKATA = "uses-autokata"
CONFTEST = "conftest"
OTHER_PYTHON = "other-python-files"
#: Flags about the learner's folder rather than one file (every row of the learner has them).
FOLDER_FLAGS = (CONFTEST, OTHER_PYTHON)
#: Each flag in plain words, for the table and the HTML gradebook (identical-to: names the other learner).
WORDS = {
    REFERENCE: "is the reference solution (formatting, comments and docstrings aside)",
    IDENTICAL: "is identical to {name}'s",
    USES_AUTOKATA: "imports autokata or names its files",
    CONFTEST: "the folder carries a conftest.py",
    OTHER_PYTHON: "the folder carries Python files that are not kata files",
}
#: Folders inside a learner's folder that hold no learner code of interest.
SKIPPED_FOLDERS = {"__pycache__", "venv", "site-packages", "node_modules"}
PACKAGE = "autokata"


def annotate(learners: list[LearnerResult], katas: list[course.Kata]) -> list[LearnerResult]:
    """The same results, each kata row with its flags."""
    keys = {
        (learner.name, result.kata): _key(Path(result.file))
        for learner in learners
        for result in learner.katas
        if result.state != MISSING
    }
    stubs_keys = {kata.code: _key_of(stubs.stub(kata)) for kata in katas}
    references = {kata.code: _key_of(stubs.solution(kata)) for kata in katas}
    by_key: dict[tuple[str, str], list[str]] = {}
    for (name, code), found in keys.items():
        if found is not None and found != stubs_keys.get(code):
            by_key.setdefault((code, found), []).append(name)
    annotated = []
    for learner in learners:
        around = folder_flags(Path(learner.folder))
        rows = []
        for result in learner.katas:
            found = keys.get((learner.name, result.kata))
            flags: list[str] = []
            if found is not None:
                if found == references.get(result.kata):
                    flags.append(REFERENCE)
                others = by_key.get((result.kata, found), [])
                flags += [IDENTICAL + other for other in others if other != learner.name]
                if uses_autokata(Path(result.file)):
                    flags.append(USES_AUTOKATA)
            flags += around
            rows.append(dataclasses.replace(result, flags=tuple(flags)))
        annotated.append(dataclasses.replace(learner, katas=tuple(rows)))
    return annotated


def described(flag: str) -> str:
    """A flag in plain words."""
    if flag.startswith(IDENTICAL):
        return WORDS[IDENTICAL].format(name=flag.removeprefix(IDENTICAL))
    return WORDS.get(flag, flag)


def normalised(source: bytes | str) -> str | None:
    """The module's syntax tree without docstrings, as text: equal for two files that differ only
    in formatting, comments and docstrings. None when it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and _docstring(node):
            node.body = node.body[1:] or [ast.Pass()]
    return ast.dump(tree)


def uses_autokata(file: Path) -> bool:
    """Does the file import autokata, or name it in a string (docstrings aside)?"""
    try:
        tree = ast.parse(file.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return False
    docstrings = {id(node.body[0].value) for node in ast.walk(tree) if _is_scope(node) and _docstring(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(_is_ours(alias.name) for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _is_ours(node.module or ""):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if PACKAGE in node.value.lower():
                return True
    return False


def folder_flags(folder: Path) -> list[str]:
    """`conftest` and `other-python-files` for what the learner's folder carries besides kata files."""
    names = [file.name for file in _python_files(folder)]
    flags = []
    if "conftest.py" in names:
        flags.append(CONFTEST)
    if any(name != "conftest.py" and course.kata_for_file(name) is None for name in names):
        flags.append(OTHER_PYTHON)
    return flags


def _python_files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for file in folder.rglob("*.py"):
        inside = file.relative_to(folder).parts[:-1]
        if not any(part.startswith(".") or part in SKIPPED_FOLDERS for part in inside):
            yield file


def _key(file: Path) -> str | None:
    try:
        return _key_of(file.read_bytes())
    except OSError:
        return None


def _key_of(source: bytes | None) -> str | None:
    """What two files must share to count as the same: the normalised tree, or, for a file that
    does not parse, its text with every run of whitespace made one space."""
    if source is None:
        return None
    tree = normalised(source)
    if tree is not None:
        return tree
    return "unparsed:" + " ".join(source.decode("utf-8", "replace").split())


def _is_scope(node: ast.AST) -> bool:
    return isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))


def _docstring(node: ast.AST) -> bool:
    body = getattr(node, "body", None)
    return bool(
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )


def _is_ours(module: str) -> bool:
    return module == PACKAGE or module.startswith(PACKAGE + ".")
