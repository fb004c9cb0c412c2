"""The tiny zoo: deterministic, verified, self-healing, safe under parallel and killed builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autokata import zoo


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A zoo cache of the test's own, so the learner's cache is never touched."""
    monkeypatch.setenv("AUTOKATA_CACHE", str(tmp_path / "cache"))
    zoo.ensure.cache_clear()
    yield tmp_path / "cache"
    zoo.ensure.cache_clear()


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuilding_gives_byte_identical_checkpoints(tmp_path):
    zoo.build_into(first := tmp_path / "first")
    zoo.build_into(second := tmp_path / "second")

    assert files_of(first) == files_of(second)


def test_every_family_member_is_a_checkpoint_folder(private_cache):
    names = zoo.ENCODERS + zoo.DECODERS + zoo.SEQ2SEQ + zoo.NSP + zoo.THREE_LABELS + zoo.CONFIG_ONLY
    for name in names + (zoo.CAUSAL_BERT,):
        assert (zoo.path(name) / "config.json").is_file()
    assert [p.name for p in zoo.path("config-only/gpt2").iterdir()] == ["config.json"]


def test_a_tampered_cache_is_detected_and_rebuilt(private_cache):
    weights = zoo.ensure() / "bert" / "model.safetensors"
    pristine = weights.read_bytes()
    weights.write_bytes(b"not a checkpoint")
    zoo.ensure.cache_clear()

    zoo.ensure()

    assert weights.read_bytes() == pristine


def test_a_learner_saving_into_a_checkpoint_is_undone(private_cache):
    folder = zoo.path("gpt2")
    before = files_of(folder)
    (folder / "config.json").write_text("{}")
    (folder / "extra.bin").write_bytes(b"x")

    assert zoo.restore_if_touched() is True
    assert files_of(folder) == before
    assert zoo.restore_if_touched() is False


def _build_in_subprocess(cache: Path) -> subprocess.Popen:
    env = {**os.environ, "AUTOKATA_CACHE": str(cache)}
    return subprocess.Popen([sys.executable, "-c", "from autokata import zoo; zoo.ensure()"], env=env)


def test_a_build_killed_midway_leaves_nothing_half_written(private_cache):
    builder = _build_in_subprocess(private_cache)
    deadline = time.monotonic() + 120
    while not list(private_cache.glob(".building-*/*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    builder.send_signal(signal.SIGKILL)
    builder.wait()

    assert not zoo.zoo_dir().exists()
    zoo.ensure()
    assert not list(private_cache.glob(".building-*"))
    assert zoo._content_matches_manifest(zoo.zoo_dir())


def test_two_runs_at_once_build_one_valid_zoo(private_cache):
    builders = [_build_in_subprocess(private_cache) for _ in range(2)]

    assert [b.wait() for b in builders] == [0, 0]
    assert zoo._content_matches_manifest(zoo.zoo_dir())
    assert [p.name for p in private_cache.iterdir() if not p.name.endswith(".lock")] == [zoo.zoo_key()]
