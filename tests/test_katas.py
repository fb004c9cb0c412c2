"""Every kata, proven: the stub is not started, the solution passes, and each
wrong answer in tests/mutants/NN_slug/ fails with its own teaching message."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autokata import course, runner

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "tests" / "mutants"
KATAS = [k for k in course.KATAS if (ROOT / "katas" / k.filename).exists()]


def mutant_files() -> list[tuple[course.Kata, Path]]:
    return [(k, f) for k in KATAS for f in sorted((MUTANTS / f"{k.code}_{k.slug}").glob("*.py"))]


def expected_phrase(mutant: Path) -> str:
    """Each mutant names the phrase its message must contain: `MUTANT_EXPECTS = "..."`."""
    for node in ast.parse(mutant.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MUTANT_EXPECTS":
            return node.value.value
    raise AssertionError(f"{mutant} does not say which message it expects (MUTANT_EXPECTS)")


def attempt_named_like_the_kata(tmp_path: Path, kata: course.Kata, source: Path) -> Path:
    target = tmp_path / kata.filename
    target.write_text(source.read_text())
    return target


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_stub_is_not_started(kata):
    verdict = runner.judge_file(kata, ROOT / "katas" / kata.filename)
    assert verdict.state is runner.State.NOT_STARTED, verdict.first_problem


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_stub_carries_a_todo_and_raises_not_implemented(kata):
    source = (ROOT / "katas" / kata.filename).read_text()
    assert "TODO" in source and "raise NotImplementedError" in source


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_solution_passes(kata):
    verdict = runner.judge_file(kata, ROOT / "solutions" / kata.filename)
    assert verdict.state is runner.State.SOLVED, verdict.first_problem.message


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_the_kata_has_progressive_hints(kata):
    hints = runner.hints(kata)
    assert 2 <= len(hints) <= 3 and all(h.strip() for h in hints)


@pytest.mark.parametrize(
    "kata, mutant", [pytest.param(k, f, id=f"{k.code}_{k.slug}/{f.name}") for k, f in mutant_files()]
)
def test_the_wrong_answer_fails_with_its_lesson(kata, mutant, tmp_path):
    verdict = runner.judge_file(kata, attempt_named_like_the_kata(tmp_path, kata, mutant))
    assert verdict.state is runner.State.FAILING, f"{mutant.name} slipped through the checks"
    messages = [v.message for _, v in verdict.results if v.state is not runner.State.SOLVED]
    phrase = expected_phrase(mutant)
    assert any(phrase in message for message in messages), (phrase, messages)


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.filename)
def test_each_mutant_teaches_something_different(kata):
    phrases = [expected_phrase(f) for k, f in mutant_files() if k is kata]
    assert len(phrases) >= 2 and len(set(phrases)) == len(phrases)
