"""`autokata warmup` in a temporary course folder, with a clock the tests set by hand.

Only katas 01 and 02 are ever checked, to keep the checks fast; the pick
itself is tested over a folder holding every kata's stub, where nothing needs
checking (a file equal to its stub is not solved).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from autokata import course, stubs, warmup
from autokata.cli import main
from autokata.cli.project import Project
from autokata.warmup import command, history, picking, scorecard, session
from tests.helpers import ROOT, SOLUTION, run_pytest

START = 1_800_000_000.0
EMBEDDINGS, GENERATION = course.find("01"), course.find("02")
WRONG = ROOT / "tests" / "mutants" / "01_embeddings" / "cls_pooling.py"
EVERY_KATA = [kata for kata in course.KATAS if (ROOT / "katas" / kata.filename).is_file()]


class Clock:
    """The time the tests say it is."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_course(folder: Path, katas: list[course.Kata]) -> Path:
    """A learner's course folder with the untouched stubs of `katas`."""
    (folder / "katas").mkdir(parents=True)
    for kata in katas:
        shutil.copyfile(ROOT / "katas" / kata.filename, folder / "katas" / kata.filename)
    return folder


def warm_up(folder: Path, clock: Clock, *argv: str) -> tuple[int, str]:
    """Run `autokata warmup ARGV` in `folder`; return its exit code and what it printed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--course", type=Path)
    warmup.add_arguments(parser)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = warmup.run(parser.parse_args(["--course", str(folder), *argv]), clock=clock)
    return code, out.getvalue()


def picked(folder: Path) -> list[str]:
    current = session.latest(folder)
    assert current is not None
    return current.katas


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def every_stub(tmp_path: Path) -> Path:
    """A course folder holding every kata stub there is, none solved."""
    return make_course(tmp_path / "course", EVERY_KATA)


@pytest.fixture
def two_katas(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course", [EMBEDDINGS, GENERATION])


def test_the_same_seed_picks_the_same_katas(tmp_path):
    picks = []
    for learner in ("ann", "ben"):
        folder = make_course(tmp_path / learner, EVERY_KATA)
        code, _ = warm_up(folder, Clock(), "--count", "3", "--seed", "42")
        assert code == 0
        picks.append(picked(folder))
    assert picks[0] == picks[1] and len(picks[0]) == 3
    assert picks[0] == sorted(picks[0]), "picked katas come in course order"


def test_different_seeds_pick_differently():
    katas = list(course.KATAS)
    assert picking.pick(katas, 3, 1) == picking.pick(katas, 3, 1)
    assert len({tuple(picking.pick(katas, 3, seed)) for seed in range(1, 6)}) > 1


def test_a_track_limits_the_pick_to_its_katas(every_stub):
    code, _ = warm_up(every_stub, Clock(), "--count", "2", "--track", "b", "--seed", "7")
    assert code == 0
    assert all(course.find(k).track is course.B for k in picked(every_stub))


def test_the_warmup_copies_fresh_stubs_and_never_touches_katas(two_katas):
    learner_file = two_katas / "katas" / EMBEDDINGS.filename
    learner_file.write_bytes(WRONG.read_bytes())  # the learner's own work in progress
    before = snapshot(two_katas / "katas")
    clock = Clock()
    code, out = warm_up(two_katas, clock, "--count", "2", "--include-solved")
    assert code == 0
    current = session.latest(two_katas)
    assert current.folder.parent == two_katas / session.FOLDER
    assert current.katas == [EMBEDDINGS.code, GENERATION.code]
    assert current.file(EMBEDDINGS).read_bytes() == stubs.stub(EMBEDDINGS), "a fresh stub, not the learner's edit"
    assert current.deadline == START + 60 * (EMBEDDINGS.minutes + GENERATION.minutes)
    assert command.WHAT_TO_RUN.format(folder=Project(two_katas).shown(current.folder)) in out
    clock.now += 30
    warm_up(two_katas, clock, "--status")
    warm_up(two_katas, clock, "--finish")
    assert snapshot(two_katas / "katas") == before


def test_a_new_warmup_never_reuses_a_folder(tmp_path):
    first = session.create(tmp_path, {EMBEDDINGS: b"first"}, 10, 1, None, START)
    second = session.create(tmp_path, {EMBEDDINGS: b"second"}, 10, 1, None, START)
    assert first.folder != second.folder
    assert first.file(EMBEDDINGS).read_bytes() == b"first"
    assert second.file(EMBEDDINGS).read_bytes() == b"second"


def test_a_second_warmup_waits_until_the_open_one_is_finished(two_katas):
    warm_up(two_katas, Clock(), "--count", "1")
    code, out = warm_up(two_katas, Clock(START + 60), "--count", "1")
    assert code == 1
    current = session.latest(two_katas)
    left = command.LEFT.format(time=scorecard.duration(current.deadline - (START + 60)))
    assert out.strip() == command.STILL_OPEN.format(name=current.name, left=left)
    assert len(list((two_katas / session.FOLDER).iterdir())) == 1


def test_solved_katas_are_not_picked(two_katas):
    (two_katas / "katas" / EMBEDDINGS.filename).write_bytes(SOLUTION.read_bytes())
    code, out = warm_up(two_katas, Clock(), "--count", "2")
    assert code == 0
    assert picked(two_katas) == [GENERATION.code]
    assert command.FEWER.format(count=1, track="") in out


def test_the_scorecard_times_come_from_the_clock(two_katas):
    clock = Clock()
    warm_up(two_katas, clock, "--count", "2", "--minutes", "10")
    current = session.latest(two_katas)
    current.file(EMBEDDINGS).write_bytes(SOLUTION.read_bytes())

    clock.now = START + 95
    code, out = warm_up(two_katas, clock, "--status")
    assert code == 0
    assert out.splitlines()[0].startswith(f"Warm-up {current.name} · 08:25 left")
    assert command.GREEN_AFTER.format(time="01:35") in out

    clock.now = START + 200
    _, out = warm_up(two_katas, clock, "--finish")
    assert scorecard.SOLVED_IN.format(time="01:35") in out
    assert scorecard.NOT_SOLVED.format(state="not started") in out
    assert scorecard.TOTAL.format(solved=1, total=2, used="03:20", limit="10:00") in out

    (record,) = history.load(two_katas / ".autokata")
    unaided = {"failing_runs": 0, "hint_level": 0, "explained": False, "saw_solution": False}
    assert record["katas"] == [
        {"kata": "01", "solved": True, "seconds": 95.0, **unaided},
        {"kata": "02", "solved": False, "seconds": None, **unaided},
    ]
    assert record["solved_without_hints"] == 1
    assert (record["used_seconds"], record["limit_seconds"]) == (200.0, 600.0)
    _, out = warm_up(two_katas, clock, "--history")
    best = next(line for line in out.splitlines() if line.strip().startswith("01 "))
    assert "01:35" in best and "(solved 1 of 1)" in best


def test_the_scorecard_counts_failing_runs_and_the_help_taken(two_katas, capsys):
    clock = Clock()
    code, _ = warm_up(two_katas, clock, "--kata", "02", "--kata", "1", "--minutes", "10")
    assert code == 0 and picked(two_katas) == ["01", "02"]
    current = session.latest(two_katas)
    current.file(EMBEDDINGS).write_bytes(WRONG.read_bytes())
    clock.now = START + 30
    warm_up(two_katas, clock, "--status")
    assert main(["--course", str(two_katas), "hint", "01", "--level", "2"]) == 0
    assert main(["--course", str(two_katas), "explain", "02"]) == 0
    capsys.readouterr()
    current.file(EMBEDDINGS).write_bytes(SOLUTION.read_bytes())
    clock.now = START + 95
    _, out = warm_up(two_katas, clock, "--finish")
    assert scorecard.HEADLINE.format(unaided=0, total=2) in out
    row = next(line for line in out.splitlines() if " 01  " in line)
    assert scorecard.SOLVED_IN.format(time="01:35") in row and "hint 2" in row and " 1  " in row
    row = next(line for line in out.splitlines() if " 02  " in line)
    assert scorecard.READ_LESSON in row
    (record,) = history.load(two_katas / ".autokata")
    first, second = record["katas"]
    assert (first["failing_runs"], first["hint_level"], second["explained"]) == (1, 2, True)


def test_history_written_before_help_was_recorded_still_loads(two_katas):
    old = {"format": 1, "started": START, "used_seconds": 60.0, "limit_seconds": 600.0, "seed": 1,
           "katas": [{"kata": "01", "solved": True, "seconds": 60.0}], "solved": 1, "total": 1}
    (two_katas / ".autokata").mkdir()
    history.path(two_katas / ".autokata").write_text(json.dumps(old) + "\n")
    _, out = warm_up(two_katas, Clock(), "--history")
    assert "1/1 solved · ? without hints" in out


def test_the_first_status_after_the_deadline_finishes_and_records_once(two_katas):
    clock = Clock()
    warm_up(two_katas, clock, "--count", "1", "--minutes", "1", "--seed", "3")
    current = session.latest(two_katas)
    clock.now = START + 61
    _, out = warm_up(two_katas, clock, "--status")
    assert out.splitlines()[0] == scorecard.HEADER.format(name=current.name, count=1, limit="01:00", seed=3)
    assert scorecard.TOTAL.format(solved=0, total=1, used="01:00", limit="01:00") in out
    clock.now = START + 500
    _, again = warm_up(two_katas, clock, "--status")
    assert again.splitlines() == out.splitlines()[:-1]  # the same scorecard, not saved twice
    assert len(history.load(two_katas / ".autokata")) == 1
    assert session.latest(two_katas).finished == START + 61


def test_a_kata_first_green_after_the_deadline_does_not_count(two_katas):
    clock = Clock()
    warm_up(two_katas, clock, "--count", "2", "--minutes", "1")
    session.latest(two_katas).file(EMBEDDINGS).write_bytes(SOLUTION.read_bytes())
    clock.now = START + 90
    _, out = warm_up(two_katas, clock, "--status")
    assert scorecard.SOLVED_LATE.format(time="01:30") in out
    assert scorecard.TOTAL.format(solved=0, total=2, used="01:00", limit="01:00") in out


def test_a_damaged_history_costs_only_its_broken_lines(two_katas):
    state_dir = two_katas / ".autokata"
    state_dir.mkdir()
    good = {"format": history.FORMAT, "started": START, "used_seconds": 60.0, "limit_seconds": 600.0, "seed": 1,
            "katas": [{"kata": "01", "solved": True, "seconds": 42.0}], "solved": 1, "total": 1}  # fmt: skip
    history.path(state_dir).write_text(f"not json\n{{\"format\": 1}}\n{json.dumps(good)}\n[1, 2]\n")
    assert history.load(state_dir) == [good]
    history.append(state_dir, {k: v for k, v in good.items() if k != "format"} | {"seed": 2})
    assert [r["seed"] for r in history.load(state_dir)] == [1, 2]
    assert list(state_dir.glob("*.tmp")) == []
    code, out = warm_up(two_katas, Clock(), "--history")
    assert code == 0 and "00:42" in out


def test_status_without_a_warmup_says_how_to_start_one(two_katas):
    assert warm_up(two_katas, Clock(), "--status") == (1, command.NO_WARMUP + "\n")
    assert warm_up(two_katas, Clock(), "--history") == (0, history.EMPTY + "\n")


def test_pytest_checks_a_warmup_folder_like_any_kata_folder(tmp_path):
    folder = make_course(tmp_path / "course", [EMBEDDINGS])
    warm_up(folder, Clock(), "--count", "1")
    current = session.latest(folder)
    current.file(EMBEDDINGS).write_bytes(SOLUTION.read_bytes())
    result = run_pytest(f"{session.FOLDER}/{current.name}/", cwd=folder)
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stdout.strip().splitlines()[-2].startswith("autokata: 1/1 solved")
