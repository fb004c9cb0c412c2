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
    assert zoo.matches_manifest(zoo.zoo_dir())


def test_two_runs_at_once_build_one_valid_zoo(private_cache):
    builders = [_build_in_subprocess(private_cache) for _ in range(2)]

    assert [b.wait() for b in builders] == [0, 0]
    assert zoo.matches_manifest(zoo.zoo_dir())
    assert [p.name for p in private_cache.iterdir() if not p.name.endswith(".lock")] == [zoo.zoo_key()]


def test_no_two_zoo_modules_import_each_other():
    import ast

    package = Path(zoo.__file__).parent
    imports = {}
    for module in package.glob("*.py"):
        name = "autokata.zoo" if module.stem == "__init__" else f"autokata.zoo.{module.stem}"
        found = set()
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        imports[name] = found
    assert not [(a, b) for a in imports for b in imports if a < b and b in imports[a] and a in imports[b]]


def test_every_family_has_its_curriculum_members():
    assert zoo.ENCODERS == ("bert", "roberta", "distilbert", "electra", "albert", "deberta-v2")
    assert zoo.DECODERS == ("gpt2", "llama", "qwen2", "mistral")
    assert zoo.SEQ2SEQ == ("t5", "bart", "mbart", "marian", "pegasus")


def test_three_label_classifiers_spread_texts_of_every_kind_over_their_labels():
    """Calibrated heads: on texts the build never saw, each label wins a fair share overall,
    and over-long texts (cut to the model's limit) do not all get one label."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from autokata.zoo import calibration, corpus

    unseen = corpus.calibration_groups(seed=99, size=12)
    unseen["sentences"] = []
    torch.set_num_threads(1)
    for name in zoo.THREE_LABELS:
        model = AutoModelForSequenceClassification.from_pretrained(zoo.path(name)).eval()
        tokenizer = AutoTokenizer.from_pretrained(zoo.path(name))
        shares = {kind: calibration.label_shares(model, tokenizer, texts) for kind, texts in unseen.items()}
        overall = [sum(counts[label] for counts in shares.values()) for label in range(3)]
        assert min(overall) >= 6, (name, shares)  # of 36 texts; a constant head gives [0, 36, 0]
        assert max(shares["long"]) < 12, (name, shares)
