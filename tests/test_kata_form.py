"""A kata asks, it never tells: the form every stub keeps, proven for each kata.

The stub states the situation and the contract; the class, keyword, attribute or
table that answers it lives in the kata's lesson and hints (in its check module),
shown when the learner asks. Each check module declares `ANSWER`, the identifiers
that answer it; none may appear in the stub outside a function signature.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from autokata import course, runner

ROOT = Path(__file__).resolve().parent.parent
KATAS = [k for k in course.KATAS if (ROOT / "katas" / k.filename).exists()]
AUTO_NAME = re.compile(r"\bAuto[A-Z]\w*")
TODO_WORDS = 12
LESSON_MIN_CHARS = 300


def stub_source(kata: course.Kata) -> str:
    return (ROOT / "katas" / kata.filename).read_text(encoding="utf-8")


def mentions(text: str, identifier: str) -> bool:
    """`identifier` as a whole word (`pad_token` in `tokenizer.pad_token`, not in `pad_tokens`)."""
    return re.search(rf"(?<![\w-]){re.escape(identifier)}(?![\w-])", text) is not None


def prose_of(kata: course.Kata) -> str:
    """The stub without its function signatures and without the imports of a quiz's options."""
    source = stub_source(kata)
    lines = source.splitlines()
    hidden: set[int] = set()
    options = set(runner.options(kata))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            hidden.update(range(node.lineno - 1, node.body[0].lineno - 1))
        if isinstance(node, ast.ImportFrom) and options and all(a.name in options for a in node.names):
            hidden.update(range(node.lineno - 1, node.end_lineno))
    return "\n".join(line for i, line in enumerate(lines) if i not in hidden)


def todo_texts(source: str) -> list[str]:
    """Each TODO comment with the comment lines that continue it."""
    todos: list[str] = []
    lines = source.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("# TODO"):
            words = [stripped.removeprefix("# TODO").lstrip(":").strip()]
            for follow in lines[i + 1:]:
                if not follow.strip().startswith("#") or follow.strip().startswith("# TODO"):
                    break
                words.append(follow.strip().lstrip("#").strip())
            todos.append(" ".join(words))
    return todos


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_stub_names_none_of_its_answer(kata):
    prose = prose_of(kata)
    told = [identifier for identifier in runner.answer(kata) if mentions(prose, identifier)]
    assert not told, f"{kata.filename} names its own answer: {told}"


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_kata_declares_its_answer(kata):
    answer = runner.answer(kata)
    assert answer and all(isinstance(a, str) and a.strip() == a and a for a in answer), answer


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_title_is_a_goal_not_a_class(kata):
    docstring = ast.get_docstring(ast.parse(stub_source(kata))) or ""
    first = docstring.splitlines()[0] if docstring else ""
    assert first == f"Kata {kata.code} · {kata.title}", (first, kata.title)
    assert not AUTO_NAME.search(kata.title), kata.title


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_stub_imports_no_auto_class_it_could_be_asked_for(kata):
    options = set(runner.options(kata))
    for node in ast.walk(ast.parse(stub_source(kata))):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = {alias.name.split(".")[-1] for alias in node.names}
            assert not {n for n in names if AUTO_NAME.fullmatch(n)} - options, ast.unparse(node)


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_each_function_has_one_short_todo(kata):
    source = stub_source(kata)
    tree = ast.parse(source)
    lines = source.splitlines()
    for node in [n for n in tree.body if isinstance(n, ast.FunctionDef)]:
        body = "\n".join(lines[node.lineno - 1:node.end_lineno])
        assert len(todo_texts(body)) == 1, f"{node.name} needs exactly one TODO"
    for todo in todo_texts(source):
        assert len(todo.split()) <= TODO_WORDS, f"a TODO of {len(todo.split())} words: {todo!r}"


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_lesson_tells_the_whole_story(kata):
    lesson = runner.lesson(kata)
    assert len(lesson) >= LESSON_MIN_CHARS, f"{kata.filename}: a lesson of {len(lesson)} characters"
    assert any(mentions(lesson, identifier) for identifier in runner.answer(kata))


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_hints_go_from_a_nudge_to_the_answer(kata):
    hints = runner.hints(kata)
    answer = runner.answer(kata)
    assert len(hints) == 3 and all(h.strip() for h in hints)
    assert not [a for a in answer if mentions(hints[0], a)], f"hint 1 of {kata.code} already names the answer"
    assert any(mentions(hints[1], a) for a in answer), f"hint 2 of {kata.code} names neither class nor keyword"
