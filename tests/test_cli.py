"""The `autokata` verbs, each run on a temporary copy of the course, as a learner would use them."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from autokata import course, runner, stubs
from autokata.cli import checker, explain, hint, listing, main, reset, solution, state, status
from autokata.cli.project import NO_COURSE, Project
from autokata.judge import learner_process, proxy
from tests.helpers import NOISE, ROOT, SOLUTION, STUB

EMBEDDINGS = course.find("01")
#: `embed` written, `load_encoder` not yet: pytest calls that failing, not "not started".
HALF_DONE = SOLUTION.read_text().replace("    return AutoModel.from_pretrained(path)", "    raise NotImplementedError")
ATTEMPTS = {
    "stub": STUB.read_text(),
    "solution": SOLUTION.read_text(),
    "half done": HALF_DONE,
    **{f"mutant {m.stem}": m.read_text() for m in sorted((ROOT / "tests/mutants/01_embeddings").glob("*.py"))},
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A learner's course folder holding the untouched kata 01, used from inside it."""
    (tmp_path / "katas").mkdir()
    (tmp_path / "katas" / EMBEDDINGS.filename).write_bytes(STUB.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def kata_file(project: Path) -> Path:
    return project / "katas" / EMBEDDINGS.filename


def autokata(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def row_of(output: str, kata: course.Kata) -> str:
    return next(line for line in output.splitlines() if line[2:].startswith(f"{kata.code}  "))


def test_packaged_stubs_and_solutions_are_byte_identical_to_the_clone():
    drifted = stubs.drift(ROOT)
    assert not drifted, f"packaged copies out of date: {drifted}; run `{stubs.REFRESH_COMMAND}`"


def test_list_shows_each_kata_with_its_track_state_and_minutes(project, capsys):
    code, out = autokata(capsys, "list")
    assert code == 0
    assert listing.TRACK_HEADER.format(letter="A", title=course.A.title) in out
    row = row_of(out, EMBEDDINGS)
    assert EMBEDDINGS.title in row and "not started" in row and "10 min" in row
    assert "autokata: 0/" in out.splitlines()[-1]
    assert not any(noise in out for noise in NOISE)


def test_list_says_solved_right_after_the_kata_is_solved(project, kata_file, capsys):
    autokata(capsys, "list")
    kata_file.write_bytes(SOLUTION.read_bytes())
    _, out = autokata(capsys, "list")
    assert row_of(out, EMBEDDINGS).startswith(status.SYMBOLS[status.Standing.SOLVED])
    assert "solved" in row_of(out, EMBEDDINGS)
    assert out.splitlines()[-1].startswith("autokata: 1/")


def test_list_does_not_check_an_unchanged_kata_again(project, kata_file, capsys, monkeypatch):
    autokata(capsys, "list")

    def no_checks_please(*args):
        raise AssertionError("an unchanged kata was checked again")

    monkeypatch.setattr(checker.WarmChecker, "check", no_checks_please)
    code, out = autokata(capsys, "list")
    assert code == 0 and "not started" in row_of(out, EMBEDDINGS)
    kata_file.write_text(kata_file.read_text() + "\n# changed\n")
    with pytest.raises(AssertionError, match="checked again"):
        autokata(capsys, "list")


def test_a_kata_whose_checks_have_not_landed_is_not_available_yet(project, capsys, monkeypatch):
    for module in (status, hint):
        monkeypatch.setattr(module, "checks_exist", lambda kata: False)
    _, out = autokata(capsys, "list")
    assert status.Standing.NOT_AVAILABLE.value in row_of(out, EMBEDDINGS)
    code, out = autokata(capsys, "hint", "01")
    assert code == 1 and status.NOT_AVAILABLE_LESSON.format(code="01") in out


def test_hint_reveals_one_more_level_on_each_call_and_remembers_it(project, capsys):
    hints = runner.hints(EMBEDDINGS)
    for level in (1, 2, 3, 3):
        code, out = autokata(capsys, "hint", "01")
        assert code == 0
        assert hint.text(EMBEDDINGS, hints, level) in out
        assert all(hints[other - 1] not in out for other in range(1, len(hints) + 1) if other != level)
    assert hint.LAST.format(code="01") in out
    assert state.load(project / ".autokata").hint_levels == {"01": 3}


def test_hint_shows_a_chosen_level_or_all_of_them(project, capsys):
    hints = runner.hints(EMBEDDINGS)
    _, out = autokata(capsys, "hint", "1", "--level", "2")
    assert hints[1] in out and hints[0] not in out and hint.MORE.format(code="01") in out
    _, out = autokata(capsys, "hint", "01_embeddings", "--all")
    assert all(h in out for h in hints)
    code, out = autokata(capsys, "hint", "01", "--level", "9")
    assert code == 2 and hint.NO_SUCH_LEVEL.format(code="01", count=len(hints), level=9) in out


def test_reset_backs_up_the_learners_file_byte_for_byte_then_restores_the_stub(project, kata_file, capsys):
    work = "# my work: ünïcode, CRLF and a stray byte\r\n".encode() + b"\xff\x00" + SOLUTION.read_bytes()
    kata_file.write_bytes(work)
    code, out = autokata(capsys, "reset", "01")
    assert code == 0
    assert kata_file.read_bytes() == STUB.read_bytes() == stubs.stub(EMBEDDINGS)
    (backup,) = (project / ".autokata" / "backups").iterdir()
    assert backup.read_bytes() == work
    assert reset.BACKED_UP.format(backup=f".autokata/backups/{backup.name}") in out
    assert reset.RESTORED.format(file="katas/01_embeddings.py") in out


def test_resetting_twice_in_the_same_second_keeps_both_backups(project, kata_file, capsys):
    for version in ("first", "second"):
        kata_file.write_text(f"# {version} try\n")
        autokata(capsys, "reset", "01")
    backups = sorted(p.read_text() for p in (project / ".autokata" / "backups").iterdir())
    assert backups == ["# first try\n", "# second try\n"]


def test_reset_leaves_an_untouched_kata_alone_and_brings_back_a_deleted_one(project, kata_file, capsys):
    _, out = autokata(capsys, "reset", "01")
    assert reset.ALREADY_PRISTINE.format(file="katas/01_embeddings.py") in out
    kata_file.unlink()
    code, _ = autokata(capsys, "reset", "01")
    assert code == 0 and kata_file.read_bytes() == STUB.read_bytes()
    assert not (project / ".autokata" / "backups").exists()


def test_reset_all_asks_first_and_does_nothing_without_a_yes(project, kata_file, capsys, monkeypatch):
    kata_file.write_text("# work in progress\n")
    monkeypatch.setattr("builtins.input", lambda question: "n")
    code, out = autokata(capsys, "reset", "--all")
    assert code == 1 and reset.CANCELLED in out
    assert kata_file.read_text() == "# work in progress\n"
    code, out = autokata(capsys, "reset", "--all", "--yes")
    assert code == 0 and kata_file.read_bytes() == STUB.read_bytes()
    (backup,) = (project / ".autokata" / "backups").iterdir()
    assert backup.read_text() == "# work in progress\n"


def test_reset_all_in_an_empty_folder_creates_the_course_there(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = autokata(capsys, "reset", "--all", "--yes")
    assert code == 0
    katas = [k for k in course.KATAS if stubs.stub(k) is not None]
    assert out.strip() == reset.CREATED.format(folder="this folder", count=len(katas), go="")
    assert all((tmp_path / "katas" / k.filename).read_bytes() == stubs.stub(k) for k in katas)
    assert Project.find().root == tmp_path.resolve(), "the folder is a course now"
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setattr("builtins.input", lambda question: "n")
    code, out = autokata(capsys, "--course", str(elsewhere), "reset", "--all")
    assert code == 1 and reset.CANCELLED in out and not elsewhere.exists(), "asked first, and nothing made"
    code, out = autokata(capsys, "reset", "01", "--course", str(elsewhere))
    assert code == 2 and "no katas/ folder" in out, "only `reset --all` makes a course"


def test_solution_refuses_until_the_kata_is_solved(project, kata_file, capsys):
    code, out = autokata(capsys, "solution", "01")
    assert code == 1
    assert out.strip() == solution.REFUSED.format(code="01", state="not started", file="katas/01_embeddings.py")
    code, out = autokata(capsys, "solution", "01", "--force")
    assert code == 0 and SOLUTION.read_text() in out
    kata_file.write_bytes(SOLUTION.read_bytes())
    code, out = autokata(capsys, "solution", "01")
    assert code == 0 and out.startswith(SOLUTION.read_text())
    assert solution.commented(explain.text(EMBEDDINGS)) in out
    ast.parse(out)  # `autokata solution 01 > 01_embeddings.py` keeps a valid kata file


def test_explain_tells_the_whole_lesson_any_time(project, capsys):
    code, out = autokata(capsys, "explain", "01")
    assert code == 0 and out.strip() == explain.text(EMBEDDINGS).strip()
    assert runner.lesson(EMBEDDINGS) in out


def test_a_broken_state_file_means_starting_fresh(project, capsys):
    (project / ".autokata").mkdir()
    (project / ".autokata" / state.STATE_FILE).write_text('{"format": 1, "hint_levels": [')
    code, out = autokata(capsys, "hint", "01")
    assert code == 0 and "Hint 1/" in out
    saved = json.loads((project / ".autokata" / state.STATE_FILE).read_text())
    assert saved["hint_levels"] == {"01": 1}


def test_the_course_is_found_from_a_subfolder_or_named_with_course(project, tmp_path_factory, capsys, monkeypatch):
    (project / "notes").mkdir()
    monkeypatch.chdir(project / "notes")
    assert autokata(capsys, "hint", "01")[0] == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    code, out = autokata(capsys, "list")
    assert code == 2 and out.strip() == NO_COURSE.format(start=elsewhere.resolve())
    assert autokata(capsys, "--course", str(project), "hint", "01")[0] == 0
    assert autokata(capsys, "hint", "01", "--course", str(project))[0] == 0


def test_an_unknown_kata_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["hint", "99"])
    assert exit.value.code == 2
    assert "there is no kata '99'" in capsys.readouterr().err


@pytest.mark.parametrize("attempt", ATTEMPTS.values(), ids=ATTEMPTS.keys())
def test_the_forked_checker_gives_the_verdict_pytest_gives(attempt, tmp_path):
    named_like_the_kata = tmp_path / EMBEDDINGS.filename
    named_like_the_kata.write_text(attempt)
    expected = runner.judge_file(EMBEDDINGS, named_like_the_kata)
    problem = expected.first_problem
    got = checker.shared().check(EMBEDDINGS, named_like_the_kata)
    assert got == checker.Verdict(expected.state.value, problem.message if problem else "")


@pytest.mark.parametrize(
    "body, lesson",
    [
        ("    while True:\n        pass\n", checker.TIMEOUT_LESSON.format(seconds=2)),
        ("    raise SystemExit(0)\n", learner_process.EXIT_LESSON.format(doing="calling `load_encoder`")),
        ("    import os\n    os._exit(3)\n",
         proxy.ENDED_LESSON.format(how="it exited with status 3", doing="calling `load_encoder`")),
    ],
    ids=["never returns", "calls exit", "ends the process"],
)
def test_a_kata_that_hangs_or_exits_fails_with_a_lesson_and_the_checker_survives(tmp_path, body, lesson):
    attempt = tmp_path / EMBEDDINGS.filename
    docstring = '    """Load the checkpoint'
    attempt.write_text(SOLUTION.read_text().replace(docstring, body + docstring, 1))
    verdict = checker.shared().check(EMBEDDINGS, attempt, time_limit=2)
    assert verdict == checker.Verdict(runner.State.FAILING.value, lesson)
    assert checker.shared().check(EMBEDDINGS, SOLUTION).state == runner.State.SOLVED.value


def test_the_console_script_answers_as_a_learner_types_it(project):
    done = subprocess.run(
        [sys.executable, "-m", "autokata.cli", "hint", "01"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0 and runner.hints(EMBEDDINGS)[0] in done.stdout and not done.stderr
