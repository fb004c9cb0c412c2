"""`autokata export`: a student copy without solutions, a GitHub Classroom workflow, a Gradescope autograder.

The Gradescope autograder's `run_autograder` runs for real, against a
temporary folder laid out like `/autograder` (`$AUTOGRADER_ROOT`), with this
environment's Python standing in for the one `setup.sh` would install
(`$AUTOKATA_PYTHON`); its results.json is checked against Gradescope's
specification.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from autokata import course, export, stubs
from autokata.cli import main as autokata_main
from autokata.cli import solution
from autokata.cli.project import COURSE_CONFIG, Project
from autokata.export import classroom, gradescope, grading
from autokata.report import flags
from tests.helpers import ROOT

EMBEDDINGS, SENTIMENT, REGRESSION = course.find("01"), course.find("05"), course.find("13")
SEED = 7
#: Gradescope's results.json: what its specification allows at the top and in each test.
GRADESCOPE_TOP = {
    "score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
    "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard",
}  # fmt: skip
GRADESCOPE_TEST = {
    "score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags",
    "visibility", "extra_data",
}  # fmt: skip


def exported(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = export.run(parser.parse_args(argv))
    return code, out.getvalue(), err.getvalue()


def files_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def validate_gradescope_results(results: dict) -> None:
    """Gradescope's specification of results.json, as far as autokata uses it."""
    assert set(results) <= GRADESCOPE_TOP, set(results) - GRADESCOPE_TOP
    assert isinstance(results["score"], (int, float))
    assert isinstance(results["tests"], list) and results["tests"]
    for test in results["tests"]:
        assert set(test) <= GRADESCOPE_TEST, set(test) - GRADESCOPE_TEST
        assert isinstance(test["name"], str) and test["name"]
        assert isinstance(test["score"], (int, float)) and isinstance(test["max_score"], (int, float))
        assert 0 <= test["score"] <= test["max_score"]
        assert test["status"] in {"passed", "failed"}
        assert isinstance(test["output"], str) and test["output"]
    assert results["score"] == sum(test["score"] for test in results["tests"])


# --- the student copy ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def student_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "course"
    code, out, _ = exported("--student", str(folder))
    assert code == 0 and str(folder) in out
    return folder


def test_a_student_copy_holds_every_kata_stub_a_readme_and_the_pinned_install(student_copy):
    katas = [kata for kata in course.KATAS if stubs.stub(kata) is not None]
    assert sorted(p.name for p in (student_copy / "katas").iterdir()) == sorted(k.filename for k in katas)
    for kata in katas:
        assert (student_copy / "katas" / kata.filename).read_bytes() == stubs.stub(kata)
    readme = (student_copy / "README.md").read_text()
    assert "-c constraints.txt -e ." in readme and "pytest katas/" in readme and "withheld" in readme
    assert (student_copy / "constraints.txt").read_bytes() == (ROOT / "constraints.txt").read_bytes()
    assert "torch==2.13.0" in (student_copy / "constraints.txt").read_text().splitlines()
    pyproject = (student_copy / "pyproject.toml").read_text()
    assert 'name = "autokata"' in pyproject and 'autokata = "autokata.plugin"' in pyproject
    assert (student_copy / "autokata" / "plugin.py").is_file()  # what pip installs from the copy


def test_a_student_copy_has_no_solution_anywhere_and_no_author_files(student_copy):
    for absent in ("solutions", "tests", "benchmarks", ".ci", "constraints-oldest.txt", "conftest.py"):
        assert not (student_copy / absent).exists(), absent
    references = {flags.normalised(answer) for kata in course.KATAS if (answer := stubs.solution(kata))}
    for file in files_in(student_copy):
        assert not file.name.endswith(stubs.SOLUTION_SUFFIX), file
        if file.suffix in (".py", ".stub"):
            assert flags.normalised(file.read_bytes()) not in references, f"{file} is a reference solution"


def test_in_a_student_copy_autokata_solution_refuses_even_with_force(student_copy, capsys, monkeypatch):
    def never(kata):
        raise AssertionError("the packaged solutions must not be read in a course that withholds them")

    monkeypatch.setattr(stubs, "solution", never)  # the installed autokata here has them: unused
    assert Project(student_copy).solutions_withheld
    for force in ([], ["--force"]):
        assert autokata_main(["--course", str(student_copy), "solution", "05", *force]) == 1
        assert capsys.readouterr().out.strip() == solution.WITHHELD.format(code="05")


def test_outside_a_withholding_course_solution_is_unchanged(tmp_path, capsys):
    (tmp_path / "katas").mkdir()
    assert not Project(tmp_path).solutions_withheld
    (tmp_path / COURSE_CONFIG).write_text("[course]\nsolutions = 'shown'\n")
    assert not Project(tmp_path).solutions_withheld
    (tmp_path / COURSE_CONFIG).write_text("[course\nbroken = ")  # unreadable: withheld, to be safe
    assert Project(tmp_path).solutions_withheld


def test_a_student_copy_of_some_katas_lists_only_those(tmp_path):
    folder = tmp_path / "some"
    assert exported("--student", str(folder), "--kata", "5", "--kata", "13")[0] == 0
    assert sorted(p.name for p in (folder / "katas").iterdir()) == [SENTIMENT.filename, REGRESSION.filename]
    (folder / "katas" / SENTIMENT.filename).unlink()  # a learner deleting a kata keeps it in the course
    assert Project(folder).katas() == [SENTIMENT, REGRESSION]


def test_export_never_writes_into_a_folder_that_holds_something(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    code, _, err = exported("--student", str(tmp_path / "busy"))
    assert code == 2 and "not empty" in err
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
    assert exported()[0] == 2  # nothing asked for


# --- GitHub Classroom ------------------------------------------------------------------------


def test_the_classroom_workflow_grades_each_kata_in_a_step_of_its_own(tmp_path):
    folder = tmp_path / "assignment"
    code, out, _ = exported("--github-classroom", str(folder), "--kata", "1", "--kata", "5", "--points", "2",
                            "--seed", str(SEED))  # fmt: skip
    assert code == 0 and f"seed {SEED}" in out
    workflow = yaml.safe_load((folder / ".github" / "workflows" / "classroom.yml").read_text())
    assert workflow["on"] == ["push", "repository_dispatch"]
    assert workflow["permissions"]["checks"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    install = next(step for step in steps if "pip install" in step.get("run", ""))
    assert "-c constraints.txt" in install["run"] and "download.pytorch.org/whl/cpu" in install["run"]
    graders = [step for step in steps if step.get("uses", "").startswith("classroom-resources/autograding-command")]
    assert [step["with"]["command"] for step in graders] == [
        f"pytest -c /dev/null --rootdir . -p no:cacheprovider --autokata-seed {SEED} katas/{kata.filename}"
        for kata in (EMBEDDINGS, SENTIMENT)
    ]
    assert [step["with"]["max-score"] for step in graders] == [2, 2]
    assert all(re.fullmatch(r"[A-Za-z_][\w-]*", step["id"]) for step in graders)
    assert steps.index(install) < steps.index(graders[0])
    reporter = steps[-1]
    assert reporter["uses"].startswith("classroom-resources/autograding-grading-reporter")
    ids = [step["id"] for step in graders]
    assert reporter["with"]["runners"] == ",".join(ids)
    assert reporter["env"] == {f"{i.upper()}_RESULTS": f"${{{{steps.{i}.outputs.result}}}}" for i in ids}
    assert (folder / "katas" / SENTIMENT.filename).read_bytes() == stubs.stub(SENTIMENT)  # the template repo
    assert (folder / COURSE_CONFIG).is_file() and not (folder / "solutions").exists()


def test_a_classroom_grading_command_ignores_the_learners_pytest_configuration(tmp_path):
    """The workflow's command, run in a learner's repository whose pytest.ini would load a plugin
    and whose conftest.py would pass everything: the kata is graded as it is (not started)."""
    repo = tmp_path / "repo"
    (repo / "katas").mkdir(parents=True)
    (repo / "katas" / EMBEDDINGS.filename).write_bytes(stubs.stub(EMBEDDINGS))
    (repo / "pytest.ini").write_text("[pytest]\naddopts = -p evil_plugin\n")
    (repo / "conftest.py").write_text(
        "import pytest\n@pytest.hookimpl(tryfirst=True)\ndef pytest_runtest_call(item):\n    pytest.skip('pass')\n"
    )
    command = classroom.command(EMBEDDINGS, SEED).split()
    assert command[0] == "pytest"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AUTOKATA_"))}
    pytest_script = Path(sys.executable).with_name(command[0])  # the console script, as the workflow runs it
    result = subprocess.run(
        [str(pytest_script), *command[1:]], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "evil_plugin" not in result.stdout + result.stderr
    assert "skipped" not in result.stdout.splitlines()[-1]


# --- Gradescope ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def autograder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The exported zip, unpacked as Gradescope does, into `<root>/source`."""
    folder = tmp_path_factory.mktemp("gradescope")
    zip_file = folder / "autograder.zip"
    code, out, _ = exported("--gradescope", str(zip_file), "--kata", "1", "--kata", "5", "--kata", "13",
                            "--seed", str(SEED), "--time-limit", "60")  # fmt: skip
    assert code == 0 and f"seed {SEED}" in out
    return zip_file


def gradescope_root(tmp_path: Path, zip_file: Path) -> Path:
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_file) as archive:
        archive.extractall(root / "source")
        for info in archive.infolist():  # extractall drops the modes Gradescope keeps
            os.chmod(root / "source" / info.filename, (info.external_attr >> 16) & 0o777)
    (root / "submission").mkdir()
    return root


def run_autograder(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AUTOKATA_"))}
    environment.update({"AUTOGRADER_ROOT": str(root), "AUTOKATA_PYTHON": sys.executable, **env})
    return subprocess.run(
        [str(root / "source" / gradescope.RUN)], env=environment, capture_output=True, text=True, timeout=900
    )


def test_the_autograder_zip_holds_setup_and_run_scripts_and_autokata_pinned(autograder):
    with zipfile.ZipFile(autograder) as archive:
        names = set(archive.namelist())
        modes = {info.filename: (info.external_attr >> 16) & 0o777 for info in archive.infolist()}
        setup = archive.read(gradescope.SETUP).decode()
        constraints = archive.read("project/constraints.txt").decode()
        settings = json.loads(archive.read(grading.CONFIG))
    assert {gradescope.SETUP, gradescope.RUN, "project/pyproject.toml", "project/autokata/plugin.py"} <= names
    assert modes[gradescope.SETUP] & stat.S_IXUSR and modes[gradescope.RUN] & stat.S_IXUSR
    assert constraints == (ROOT / "constraints.txt").read_text() and "torch==2.13.0" in constraints.splitlines()
    assert '-c "$here/project/constraints.txt" "$here/project"' in setup and "whl/cpu" in setup
    assert settings["katas"] == ["01", "05", "13"] and settings["seed"] == SEED
    for script in (gradescope.SETUP, gradescope.RUN):
        with zipfile.ZipFile(autograder) as archive:
            text = archive.read(script).decode()
        assert subprocess.run(["bash", "-n"], input=text, text=True).returncode == 0, script


def test_run_autograder_writes_gradescope_results_one_test_per_kata_with_its_lesson(tmp_path, autograder):
    root = gradescope_root(tmp_path, autograder)
    (root / "submission" / "katas").mkdir()
    (root / "submission" / "katas" / EMBEDDINGS.filename).write_bytes(stubs.solution(EMBEDDINGS))
    wrong = ROOT / "tests" / "mutants" / "05_sentiment" / "auto_model.py"
    (root / "submission" / SENTIMENT.filename).write_bytes(wrong.read_bytes())  # loose, not in katas/
    result = run_autograder(root)
    assert result.returncode == 0, result.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    validate_gradescope_results(results)
    solved, failing, absent = results["tests"]
    assert (solved["number"], solved["status"], solved["score"], solved["max_score"]) == ("01", "passed", 1.0, 1.0)
    assert solved["name"].startswith("01") and EMBEDDINGS.title in solved["name"]
    assert (failing["number"], failing["status"], failing["score"]) == ("05", "failed", 0.0)
    assert re.search(r"MUTANT_EXPECTS = \"(.*)\"", wrong.read_text()).group(1) in failing["output"]
    assert (absent["number"], absent["status"]) == ("13", "failed")
    assert absent["output"] == grading.MISSING_OUTPUT.format(file=REGRESSION.filename)
    assert results["score"] == 1.0
    assert results["extra_data"]["autokata_seed"] == SEED and f"seed {SEED}" in results["output"]


def test_a_crash_still_leaves_a_results_file_saying_so(tmp_path, autograder):
    root = gradescope_root(tmp_path, autograder)
    result = run_autograder(root, AUTOKATA_PYTHON="/bin/false")
    assert result.returncode == 0
    results = json.loads((root / "results" / "results.json").read_text())
    validate_gradescope_results(results)
    assert results["score"] == 0 and [t["status"] for t in results["tests"]] == ["failed"] * 3
    assert results["output"] == grading.CRASHED.format(status=1)


def test_running_out_of_time_still_leaves_a_results_file_saying_so(tmp_path, autograder):
    root = gradescope_root(tmp_path, autograder)
    slow = tmp_path / "slow-python"
    slow.write_text("#!/bin/sh\nsleep 60\n")
    slow.chmod(0o755)
    result = run_autograder(root, AUTOKATA_PYTHON=str(slow), AUTOKATA_TOTAL_TIME_LIMIT="1")
    assert result.returncode == 0
    results = json.loads((root / "results" / "results.json").read_text())
    validate_gradescope_results(results)
    assert results["output"] == grading.TIMED_OUT.format(seconds=1)
    assert all(test["output"] == results["output"] and test["score"] == 0 for test in results["tests"])


def test_a_submitted_repository_is_graded_from_its_katas_folder(tmp_path):
    submission = tmp_path / "submission"
    for where in ("solutions", "katas", "old/katas", ".git/x"):
        (submission / where).mkdir(parents=True)
        (submission / where / SENTIMENT.filename).write_text(where)
    assert grading.find_kata_file(submission, SENTIMENT) == submission / "katas" / SENTIMENT.filename
    (submission / "katas" / SENTIMENT.filename).unlink()
    assert grading.find_kata_file(submission, SENTIMENT) == submission / "old" / "katas" / SENTIMENT.filename
    (submission / "old" / "katas" / SENTIMENT.filename).unlink()
    assert grading.find_kata_file(submission, SENTIMENT) == submission / "solutions" / SENTIMENT.filename
    assert grading.find_kata_file(submission, EMBEDDINGS) is None
