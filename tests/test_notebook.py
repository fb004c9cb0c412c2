"""Notebooks: `autokata notebook` writes a course notebook, and `autokata.check` in its cells gives
the verdicts pytest gives, judged outside the kernel.

The notebook is executed headless on a real kernel (nbclient + ipykernel), in an empty folder (no
course beside it, as on a fresh Colab runtime): as written, every kata is not started; with the
reference solutions pasted in, solved; with a wrong answer, its lesson shows. Two quick katas
keep it fast: 16 (a function) and 30 (a module-level table and its helper).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import autokata
from autokata import cli, course, runner, stubs
from autokata.kit import profiles
from autokata.notebook import checking, display, kernel
from autokata.notebook.course_notebook import CHECK_CELL, IMPORT_CELL

ROOT = Path(__file__).resolve().parent.parent
KATAS = [course.find("16"), course.find("30")]
MUTANT = ROOT / "tests" / "mutants" / "30_pick_the_class" / "swap_ner_and_sentiment.py"


def mutant_expects(mutant: Path) -> str:
    for node in ast.parse(mutant.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MUTANT_EXPECTS":
            return node.value.value
    raise AssertionError(f"{mutant} names no MUTANT_EXPECTS")


def write_course_notebook(folder: Path, *katas: str) -> Path:
    out = folder / "course.ipynb"
    arguments = ["notebook", str(out)] + [option for code in katas for option in ("--kata", code)]
    assert cli.main(arguments) == 0
    return out


def kernel_environment() -> dict[str, str]:
    """The learner's environment: no pytest variables, the learner's hypothesis profile."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTEST_") and key != profiles.PROFILE_VARIABLE
    }


def cell(source: str, id: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source, id=id)


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, nbformat.NotebookNode]:
    """The course notebook of katas 16 and 30 as written, then the same kernel going on: the
    reference solutions pasted in and checked, a wrong answer checked, hints and a lesson asked for.
    Returns the executed cells by id."""
    folder = tmp_path_factory.mktemp("notebook")
    notebook = nbformat.read(write_course_notebook(folder, "16", "30"), as_version=4)
    for kata in KATAS:
        notebook.cells += [
            cell(stubs.solution(kata).decode(), f"solution-{kata.code}"),
            cell(CHECK_CELL.format(code=kata.code), f"solution-{kata.code}-check"),
        ]
    notebook.cells += [
        cell(MUTANT.read_text(), "mutant-30"),
        cell(CHECK_CELL.format(code="30"), "mutant-30-check"),
        cell('autokata.hint("16")', "hint-first"),
        cell("autokata.hint(16)", "hint-second"),
        cell('autokata.explain("30")', "explain"),
    ]
    client = NotebookClient(notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    client.execute(env=kernel_environment())
    assert sorted(path.name for path in folder.iterdir()) == ["course.ipynb"], "the notebook needs nothing beside it"
    return {c.id: c for c in notebook.cells}


def shown(cell: nbformat.NotebookNode) -> tuple[str, str]:
    """The cell's result as text and as HTML."""
    results = [o for o in cell.outputs if o.output_type == "execute_result"]
    assert results, cell.outputs
    return results[0].data["text/plain"], results[0].data.get("text/html", "")


# --- the notebook as written ----------------------------------------------------------------


def test_the_course_notebook_has_a_question_a_stub_and_a_check_cell_per_kata(tmp_path):
    notebook = nbformat.read(write_course_notebook(tmp_path), as_version=4)
    nbformat.validate(notebook)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert code_cells[0].source == IMPORT_CELL
    by_id = {c.id: c for c in notebook.cells}
    for kata in course.KATAS:
        question, code, check = (by_id[f"kata-{kata.code}-{part}"] for part in ("question", "code", "check"))
        assert question.cell_type == "markdown" and question.source.startswith(f"## Kata {kata.code} · {kata.title}")
        assert "pytest katas/" not in question.source and f'autokata.check("{kata.code}")' in question.source
        assert ast.get_docstring(ast.parse(code.source)) is None, "the question lives in the markdown cell"
        assert "TODO" in code.source and "raise NotImplementedError" in code.source
        assert check.source == CHECK_CELL.format(code=kata.code)


def test_the_notebook_command_keeps_an_existing_notebook(tmp_path, capsys):
    out = write_course_notebook(tmp_path, "16")
    out.write_text("my work")
    assert cli.main(["notebook", str(out)]) == 1
    assert out.read_text() == "my work" and "--force" in capsys.readouterr().out


def test_a_fresh_course_notebook_reports_every_kata_not_started(executed):
    for kata in KATAS:
        text, html = shown(executed[f"kata-{kata.code}-check"])
        assert text.startswith(f"○ Kata {kata.code} · {kata.title}: not started"), text
        assert 'data-state="not started"' in html


def test_the_reference_functions_pasted_in_are_solved(executed):
    for kata in KATAS:
        text, html = shown(executed[f"solution-{kata.code}-check"])
        assert text.startswith(f"✓ Kata {kata.code} · {kata.title}: solved"), text
        assert 'data-state="solved"' in html


def test_a_second_check_after_editing_sees_the_new_definitions(executed):
    before, _ = shown(executed["kata-30-check"])
    after, _ = shown(executed["solution-30-check"])
    assert "not started" in before and "solved" in after


def test_a_wrong_answer_shows_its_lesson_and_the_values_drawn(executed):
    text, html = shown(executed["mutant-30-check"])
    assert text.startswith("✗ Kata 30") and "failing" in text.splitlines()[0]
    assert mutant_expects(MUTANT) in text
    assert 'data-state="failing"' in html and 'class="autokata-values"' in html
    assert "&#x27;named_entities&#x27;" in html, "each wrong line of the table, as a drawn value"


def test_check_gives_the_verdict_pytest_gives(executed, tmp_path):
    attempt = tmp_path / "30_pick_the_class.py"
    attempt.write_text(MUTANT.read_text())
    verdict = runner.judge_file(course.find("30"), attempt)
    text, _ = shown(executed["mutant-30-check"])
    message = verdict.first_problem.message.replace("`autokata hint 30`", '`autokata.hint("30")`')
    assert message in text


def test_hints_in_a_notebook_reveal_one_level_per_call(executed):
    hints = runner.hints(course.find("16"))
    first, _ = shown(executed["hint-first"])
    second, html = shown(executed["hint-second"])
    assert first.startswith("Hint 1/") and hints[0] in first
    assert second.startswith("Hint 2/") and hints[1] in second and "<b>Hint 2/" in html


def test_hints_in_a_course_folder_are_remembered_as_autokata_hint_remembers_them(tmp_path, monkeypatch, capsys):
    (tmp_path / "katas").mkdir()
    monkeypatch.chdir(tmp_path)
    assert [autokata.hint("16").levels[-1][0] for _ in range(2)] == [1, 2]
    assert cli.main(["hint", "16"]) == 0
    assert capsys.readouterr().out.startswith("Hint 3/")


def test_explain_in_a_notebook_tells_the_lesson(executed):
    text, html = shown(executed["explain"])
    assert text.startswith("Lesson · kata 30") and runner.lesson(course.find("30"))[:60] in text
    assert "autokata-lesson" in html


# --- building the kata file from the kernel's state ------------------------------------------

NOTEBOOK_CELLS = [
    "import autokata\nimport json, os\nfrom transformers import AutoConfig, AutoModel",
    "model = AutoModel.from_pretrained('some/hub-id')",  # an experiment: must stay out of the kata file
    "DEPTH_KEY = 'layers'",
    "DEPTH_KEY = 'num_hidden_layers'",
    "def _depth(config):\n    return getattr(config, DEPTH_KEY)",
    "def describe(path) -> dict:\n"
    "    model = AutoConfig.from_pretrained(path)\n"
    "    return {'num_layers': _depth(model)}",
    'autokata.check("16")',
]


def kernel_namespace(cells: list[str]) -> dict:
    namespace: dict = {"__name__": "__main__"}
    for source in cells[1:-1]:
        if "from_pretrained('some/hub-id')" in source:
            namespace["model"] = object()
            continue
        exec(compile(source, "<cell>", "exec"), namespace)
    namespace.update(json=json, os=os, AutoConfig=object, AutoModel=object, autokata=object)
    return namespace


def test_the_kata_file_holds_the_functions_with_the_helpers_values_and_imports_they_use():
    source = kernel.kata_source(course.find("16"), kernel_namespace(NOTEBOOK_CELLS), NOTEBOOK_CELLS)
    compile(source, "16_config_only.py", "exec")
    assert "from transformers import AutoConfig\n" in source
    assert "DEPTH_KEY = 'num_hidden_layers'" in source and "'layers'" not in source, "the last assignment"
    assert source.index("DEPTH_KEY =") < source.index("def _depth") < source.index("def describe")
    for left_out in ("import autokata", "AutoModel", "hub-id", "import json", 'autokata.check("16")'):
        assert left_out not in source, left_out


def test_a_function_whose_cell_has_not_run_is_left_out():
    cells = NOTEBOOK_CELLS[:-2] + [NOTEBOOK_CELLS[-1]]
    source = kernel.kata_source(course.find("16"), kernel_namespace(cells), cells)
    assert "def describe" not in source


def test_a_table_brings_the_helper_it_names():
    cells = [
        "from transformers import AutoModel, AutoModelForCausalLM",
        "def todo():\n    raise NotImplementedError",
        "CLASS_FOR = {'sentiment': todo, 'chat_completion': AutoModelForCausalLM}",
    ]
    namespace = {"AutoModel": object, "AutoModelForCausalLM": object}
    for source in cells[1:]:
        exec(source, namespace)
    source = kernel.kata_source(course.find("30"), namespace, cells)
    assert source.index("def todo") < source.index("CLASS_FOR =")
    assert "from transformers import AutoModelForCausalLM\n" in source and "AutoModel," not in source


# --- the judge, outside the kernel ------------------------------------------------------------


def test_what_the_code_prints_cannot_forge_the_verdict():
    forged = json.dumps({"kata": "16", "title": "x", "state": "solved", "message": "", "checks": []})
    source = stubs.stub(course.find("16")).decode() + f"\nprint({forged!r})\n"
    result = checking.judge_source(course.find("16"), source)
    assert result.state == display.NOT_STARTED, result


def test_in_a_course_folder_an_unchanged_check_answers_from_the_verdict_store(tmp_path, monkeypatch):
    kata, store = course.find("30"), tmp_path / ".autokata"
    source = MUTANT.read_text()
    first = checking.judge_source(kata, source, store=store)
    monkeypatch.setattr(checking, "_run_judge", lambda *args: pytest.fail("judged again"))
    again = checking.judge_source(kata, source, store=store)
    assert (again.state, again.message) == (first.state, first.message) == (display.FAILING, first.message)
    assert mutant_expects(MUTANT) in again.message


def test_importing_autokata_costs_no_torch():
    probe = textwrap.dedent(
        """
        import sys
        import autokata
        autokata.check, autokata.hint, autokata.explain
        print(sorted({"torch", "transformers", "hypothesis"} & set(sys.modules)))
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_unknown_kata_says_how_katas_are_numbered():
    with pytest.raises(ValueError, match="numbered 01 to"):
        checking.find_kata("99")
    assert checking.find_kata(5) is checking.find_kata("05") is course.find("05")
