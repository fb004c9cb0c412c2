"""What a learner sees: the fresh-clone screen, collection by file name, the summary line."""

from __future__ import annotations

import json
import shutil

from autokata import course, runner
from tests.helpers import NOISE, ROOT, SOLUTION, run_pytest, write_kata


def test_a_fresh_clone_fits_one_screen_and_names_the_first_kata(tmp_path):
    shutil.copytree(ROOT / "katas", tmp_path / "katas")
    total = len(list((tmp_path / "katas").glob("[0-9][0-9]_*.py")))

    result = run_pytest("katas/", cwd=tmp_path)

    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) <= 40, result.stdout
    assert f"autokata: 0/{total} solved · next: katas/01_embeddings.py · autokata hint 01" in result.stdout
    assert "not started" in result.stdout
    assert f" {total} katas: 0 solved, {total} not started · " in lines[-1], "pytest's closing line counts katas"
    assert not [line for line in lines + result.stderr.splitlines() if any(n in line for n in NOISE)]


def test_a_solved_kata_is_counted_and_the_next_one_is_named(tmp_path):
    second = course.BY_NUMBER[2].filename
    write_kata(tmp_path / "mine", SOLUTION)
    write_kata(tmp_path / "mine", ROOT / "katas" / second, name=second)

    result = run_pytest("mine/", cwd=tmp_path)

    assert f"autokata: 1/2 solved · next: mine/{second} · autokata hint 02" in result.stdout
    assert f"✓ 01 {course.BY_NUMBER[1].title}" in result.stdout
    checks = sum(1 for kata in (1, 2) for _ in runner.cases(course.BY_NUMBER[kata]))
    assert f" 2 katas: 1 solved, 1 not started · {checks} checks in " in result.stdout.splitlines()[-1]


def test_kata_files_are_collected_anywhere_and_other_names_never(tmp_path):
    write_kata(tmp_path / "deep" / "er", SOLUTION)
    write_kata(tmp_path / "other", SOLUTION, name="embeddings_attempt.py")
    write_kata(tmp_path / "other", SOLUTION, name="1_embeddings.py")

    result = run_pytest("--collect-only", "-q", ".", cwd=tmp_path)

    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert collected and all(line.startswith("deep/er/01_embeddings.py::") for line in collected)


def test_a_single_file_path_checks_that_kata(tmp_path):
    path = write_kata(tmp_path, SOLUTION)

    result = run_pytest(str(path), cwd=tmp_path)

    assert result.returncode == 0
    assert "autokata: 1/1 solved" in result.stdout


def test_mutant_folders_in_the_repository_are_never_collected():
    result = run_pytest("--collect-only", "-q", "tests/mutants", cwd=ROOT)

    assert "::" not in result.stdout


def test_verbose_lists_each_check_and_parallel_runs_agree(tmp_path):
    write_kata(tmp_path, SOLUTION)

    verbose = run_pytest("-v", ".", cwd=tmp_path)
    parallel = run_pytest("-n", "2", ".", cwd=tmp_path)

    assert "loads_the_base_model[roberta] SOLVED" in verbose.stdout
    assert parallel.returncode == 0 and "autokata: 1/1 solved" in parallel.stdout


def test_junit_xml_and_the_report_log_carry_the_lesson_and_the_kata_code_for_graders(tmp_path):
    write_kata(tmp_path, (ROOT / "tests" / "mutants" / "01_embeddings" / "cls_pooling.py"))

    run_pytest("--junitxml=report.xml", "--report-log=log.jsonl", ".", cwd=tmp_path)

    junit = (tmp_path / "report.xml").read_text()
    assert "first token" in junit
    assert '<property name="autokata_kata" value="01" />' in junit, "the two-digit code, as the JSON report has it"
    calls = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    codes = {dict(r["user_properties"])["autokata_kata"] for r in calls if r.get("when") == "call"}
    assert codes == {"01"}


def test_a_whole_course_spreads_over_the_cores_and_one_kata_does_not(tmp_path):
    shutil.copytree(ROOT / "katas", tmp_path / "katas")

    course_run = run_pytest("katas/", cwd=tmp_path)
    one_kata = run_pytest("katas/01_embeddings.py", cwd=tmp_path)
    opted_out = run_pytest("-n", "0", "katas/", cwd=tmp_path)

    assert "workers [" in course_run.stdout
    assert "workers [" not in one_kata.stdout and "workers [" not in opted_out.stdout
    assert "autokata: 0/35 solved" in opted_out.stdout
