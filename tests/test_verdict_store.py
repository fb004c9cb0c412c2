"""One verdict store for every front end: what pytest finds, `list` and `watch` know at once.

Verdicts live in `<course>/.autokata/verdicts.json`, keyed by the kata file's
content and the check version (checks, kit and judge code, transformers and
torch versions), written atomically under a lock; a broken file means starting
fresh.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autokata import course, verdicts
from autokata.cli import checker, main, status
from autokata.cli.project import Project
from tests.helpers import ROOT, SOLUTION, STUB, run_pytest

EMBEDDINGS = course.find("01")
GENERATION = course.find("02")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course folder with kata 01 solved and kata 02 untouched, used from inside it."""
    (tmp_path / "katas").mkdir()
    (tmp_path / "katas" / EMBEDDINGS.filename).write_bytes(SOLUTION.read_bytes())
    (tmp_path / "katas" / GENERATION.filename).write_bytes((ROOT / "katas" / GENERATION.filename).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def learner_runs_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`pytest ARGS` as a learner types it (pytest's own cache on: `-p no:cacheprovider` stores nothing)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    command = [sys.executable, "-m", "pytest", *args]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)


def listed(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """`autokata list`, as {kata code: state}."""
    assert main(["list"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line[2:4].isdigit()]
    return {row[2:4]: row for row in rows}


def list_without_torch(folder: Path) -> subprocess.CompletedProcess[str]:
    """`autokata list` in a fresh interpreter that fails if it had to import torch (that is, check)."""
    script = "import sys; from autokata.cli import main; main(['list']); assert 'torch' not in sys.modules, 'checked'"
    return subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, timeout=120)


def test_list_right_after_pytest_answers_from_what_pytest_found(project):
    ran = learner_runs_pytest(project, "-n", "2", "katas/")  # under xdist: the controller writes the store
    assert "2 katas: 1 solved, 1 not started · " in ran.stdout

    started = time.monotonic()
    done = list_without_torch(project)
    seconds = time.monotonic() - started

    assert done.returncode == 0, done.stderr
    assert "checking" not in done.stderr, "nothing to check: pytest has just judged both files"
    rows = {line[2:4]: line for line in done.stdout.splitlines() if line[2:4].isdigit()}
    assert "solved" in rows["01"] and "not started" in rows["02"]
    assert seconds < 10, f"`autokata list` took {seconds:.1f} s"


def test_a_kata_file_checked_in_part_or_by_a_grader_is_not_stored(project):
    learner_runs_pytest(project, "-x", "-k", "not electra", "katas/")  # 01 without its electra checks; 02 stops
    run_pytest(f"katas/{EMBEDDINGS.filename}", cwd=project)  # -p no:cacheprovider: a grader's run writes nothing

    assert verdicts.load(project / ".autokata").katas == {}


def test_the_store_keeps_the_first_problem_pytest_found(project):
    half_done = SOLUTION.read_text().replace(
        "    return AutoModel.from_pretrained(path)", "    raise NotImplementedError"
    )
    (project / "katas" / EMBEDDINGS.filename).write_text(half_done)
    learner_runs_pytest(project, f"katas/{EMBEDDINGS.filename}")

    (found,) = verdicts.load(project / ".autokata").katas["01"]
    expected = checker.shared().check(EMBEDDINGS, project / "katas" / EMBEDDINGS.filename)
    assert (found.state, found.message) == (expected.state, expected.message), "pytest and watch agree"


def test_stash_and_pop_rechecks_nothing_and_an_edit_rechecks_that_file(project, capsys, monkeypatch):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull}
    for command in (["init", "-q"], ["add", "katas"], ["commit", "-qm", "stubs"]):
        subprocess.run([git, *command], cwd=project, env=env, check=True)
    kata_file = project / "katas" / EMBEDDINGS.filename
    kata_file.write_bytes(STUB.read_bytes())  # work in progress: not started again
    assert "not started" in listed(capsys)["01"]

    subprocess.run([git, "stash", "-q"], cwd=project, env=env, check=True)
    subprocess.run([git, "stash", "pop", "-q"], cwd=project, env=env, check=True)

    def no_checks_please(*args, **kwargs):
        raise AssertionError("a kata was checked again")

    monkeypatch.setattr(checker.WarmChecker, "check", no_checks_please)
    assert "not started" in listed(capsys)["01"], "same content, new file time: nothing re-checked"
    kata_file.write_text(kata_file.read_text() + "\n# changed\n")
    assert status.stale(Project(project)) == [EMBEDDINGS], "a changed file, and only it, is checked again"


def test_a_broken_store_means_starting_fresh(project, capsys):
    (project / ".autokata").mkdir()
    (project / ".autokata" / verdicts.STORE_FILE).write_text('{"format": 2, "katas": {"01": [{"key": ')
    assert verdicts.load(project / ".autokata").katas == {}

    rows = listed(capsys)

    assert "solved" in rows["01"] and "not started" in rows["02"]
    stored = json.loads((project / ".autokata" / verdicts.STORE_FILE).read_text())
    assert set(stored["katas"]) == {"01", "02"}


def test_a_verdict_is_keyed_by_content_and_the_check_version(tmp_path, monkeypatch):
    first, second = tmp_path / "a" / EMBEDDINGS.filename, tmp_path / "b" / EMBEDDINGS.filename
    for file in (first, second):
        file.parent.mkdir()
        file.write_bytes(STUB.read_bytes())
    os.utime(second, (1, 1))
    verdicts.check_version.cache_clear()  # the sources as they are now (not when this worker first read them)
    verdicts._judging_code_digest.cache_clear()
    assert verdicts.file_key(EMBEDDINGS, first) == verdicts.file_key(EMBEDDINGS, second), "content, not place or time"
    assert verdicts.file_key(EMBEDDINGS, first) != verdicts.file_key(GENERATION, first), "each kata its own checks"
    before = verdicts.file_key(EMBEDDINGS, first)
    second.write_bytes(STUB.read_bytes() + b"\n")
    assert verdicts.file_key(EMBEDDINGS, second) != before

    monkeypatch.setattr(verdicts, "version", lambda name: "9.9.9")
    verdicts.check_version.cache_clear()
    verdicts._judging_code_digest.cache_clear()
    try:
        assert verdicts.file_key(EMBEDDINGS, first) != before, "another transformers or torch: check again"
    finally:
        monkeypatch.undo()
        verdicts.check_version.cache_clear()
        verdicts._judging_code_digest.cache_clear()
    assert verdicts.file_key(EMBEDDINGS, first) == before


def test_each_kata_keeps_its_last_few_verdicts(tmp_path):
    for number in range(verdicts.KEPT_PER_KATA + 2):
        verdicts.record(tmp_path, [(EMBEDDINGS, verdicts.StoredVerdict(f"key {number}", "failing", f"#{number}"))])
    verdicts.record(tmp_path, [(EMBEDDINGS, verdicts.StoredVerdict("key 3", "solved"))])

    kept = verdicts.load(tmp_path).katas["01"]

    assert [v.key for v in kept] == ["key 3", "key 5", "key 4", "key 2"]
    assert kept[0].state == "solved"


def _record_many(state_dir: str, code: str) -> None:
    for number in range(20):
        verdict = verdicts.StoredVerdict(f"{code} {number}", "solved")
        verdicts.record(Path(state_dir), [(course.find(code), verdict)])


def test_writers_side_by_side_lose_nothing(tmp_path):
    codes = ["01", "02", "03", "04"]
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_record_many, args=(str(tmp_path), code)) for code in codes]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0

    stored = verdicts.load(tmp_path)

    assert {code: stored.katas[code][0].key for code in codes} == {code: f"{code} 19" for code in codes}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".verdicts-")], "no temporary file left"


def test_only_course_kata_files_have_a_store():
    assert verdicts.state_dir_of(Path("/c/katas/01_embeddings.py")) == Path("/c/.autokata")
    assert verdicts.state_dir_of(Path("/w/warmups/20260101-090000/katas/05_sentiment.py")) == Path(
        "/w/warmups/20260101-090000/.autokata"
    )
    assert verdicts.state_dir_of(Path("/repo/solutions/01_embeddings.py")) is None
    assert verdicts.state_dir_of(Path("/c/katas/notes.py")) is None
