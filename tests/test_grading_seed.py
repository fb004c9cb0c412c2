"""Grading draws the learner never saw: `pytest --autokata-seed S` and `autokata report --seed S`.

The mutant `tests/mutants/18_linear_probe/lookup_table.py` is what a learner
fitting the failure messages ends with: a table of the label counts the
messages showed. It passes every example of the learner's own (stable) draws,
and fails seed 7, which draws more examples, from elsewhere.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import core, given, settings
from hypothesis import strategies as st

from autokata import course, report, runner
from autokata.kit import profiles
from autokata.report import formats
from tests.helpers import ROOT

PROBE = course.find("18")
FITTED = ROOT / "tests" / "mutants" / "18_linear_probe" / "lookup_table.py"
SEED = 7
HEAD_SIZE_LESSON_START = "The classification head must have exactly one output per label asked for"


@pytest.fixture
def restore_profile():
    """Each test here changes the loaded profile; put back the one the test run had."""
    saved = os.environ.pop(profiles.SEED_VARIABLE, None)
    yield
    if saved is not None:
        os.environ[profiles.SEED_VARIABLE] = saved
    else:
        os.environ.pop(profiles.SEED_VARIABLE, None)
    profiles.load()


def drawn(seed: int | None, profile: str = profiles.LEARNER) -> list[int]:
    """The integers a property draws under a profile (or under a grading seed)."""
    seen: list[int] = []
    os.environ[profiles.PROFILE_VARIABLE] = profile
    with profiles.grading_seed(seed):
        profiles.load()

        @given(st.integers(0, 10**6))  # after loading, as the checks do: @given takes the profile loaded then
        def prop(value):
            seen.append(value)

        prop()
    return seen


def test_without_a_seed_learners_keep_their_stable_few_draws(restore_profile, monkeypatch):
    monkeypatch.setenv(profiles.PROFILE_VARIABLE, profiles.LEARNER)
    first, second = drawn(None), drawn(None)
    assert first == second and len(first) == settings.get_profile(profiles.LEARNER).max_examples
    assert core.global_force_seed is None and settings.default.derandomize


def test_a_seed_draws_more_examples_the_same_each_time_with_values_the_learner_never_saw(
    restore_profile, monkeypatch
):
    monkeypatch.setenv(profiles.PROFILE_VARIABLE, profiles.LEARNER)
    learners = drawn(None)
    seven, seven_again, eight = drawn(SEED), drawn(SEED), drawn(SEED + 1)
    assert seven == seven_again
    assert len(seven) == profiles.GRADING_EXAMPLES > len(learners)
    assert seven != eight
    assert set(seven) - set(learners)  # (both may try 0 first: hypothesis starts from the simplest value)


def test_a_seed_in_the_environment_reaches_every_process_through_load(restore_profile, monkeypatch):
    monkeypatch.setenv(profiles.SEED_VARIABLE, str(SEED))
    profiles.load()
    assert core.global_force_seed == SEED and not settings.default.derandomize
    monkeypatch.delenv(profiles.SEED_VARIABLE)
    profiles.load()
    assert core.global_force_seed is None


def learner_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pytest as a learner runs it: no project profile, no seed unless asked for."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AUTOKATA_"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-c", os.devnull, "--rootdir", str(folder),
         *args, str(folder / PROBE.filename)],
        cwd=folder, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def test_an_answer_fitted_to_the_failure_messages_passes_the_learners_draws_and_fails_seed_7(tmp_path):
    shutil.copyfile(FITTED, tmp_path / PROBE.filename)
    own = learner_pytest(tmp_path)
    assert own.returncode == 0, own.stdout[-3000:]
    graded = learner_pytest(tmp_path, "--autokata-seed", str(SEED))
    assert graded.returncode == 1, graded.stdout[-3000:]
    assert f"grading seed {SEED}" in graded.stdout
    assert HEAD_SIZE_LESSON_START in graded.stdout


def test_a_seed_that_is_not_a_number_is_a_usage_error_that_says_so(tmp_path):
    shutil.copyfile(FITTED, tmp_path / PROBE.filename)
    result = learner_pytest(tmp_path, "--autokata-seed", "seven")
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "--autokata-seed" in result.stderr and "'seven'" in result.stderr


def test_report_with_seed_7_twice_gives_the_same_verdicts_and_writes_the_seed(tmp_path):
    (tmp_path / "fitted").mkdir()
    shutil.copyfile(FITTED, tmp_path / "fitted" / PROBE.filename)
    runs = []
    for run in ("first", "second"):
        json_file, csv_file = tmp_path / f"{run}.json", tmp_path / f"{run}.csv"
        parser = argparse.ArgumentParser()
        report.add_arguments(parser)
        args = parser.parse_args(
            ["--seed", str(SEED), "--kata", "18", "--jobs", "1", "--json", str(json_file), "--csv", str(csv_file),
             str(tmp_path / "fitted")]
        )  # fmt: skip
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert report.run(args) == 0
        assert formats.SEED_LINE.format(seed=SEED) in out.getvalue().splitlines()
        data = json.loads(json_file.read_text())
        assert data["seed"] == SEED
        with csv_file.open(encoding=formats.CSV_ENCODING, newline="") as opened:
            assert [row["seed"] for row in csv.DictReader(opened)] == [str(SEED)]
        runs.append([(row["state"], row["message"]) for row in data["learners"][0]["katas"]])
    assert runs[0] == runs[1]
    ((state, message),) = runs[0]
    assert state == runner.State.FAILING.value and message.startswith(HEAD_SIZE_LESSON_START)
    assert profiles.SEED_VARIABLE not in os.environ  # the seed stayed inside the report
