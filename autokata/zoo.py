"""The tiny offline zoo: build, cache and hand out checkpoint folders.

Checks hand learners a *path*, exactly as a hub checkpoint would be used, so
every checkpoint is a real `save_pretrained` folder (model + tokenizer).

The cache is keyed by the zoo's own version and the transformers and torch
versions, built into a temporary folder and renamed into place under a file
lock (parallel runs build it once and never see it half-written), and checked
against a manifest of content hashes so a corrupted or tampered cache is
rebuilt. Learners' code may write into a checkpoint folder (say,
`save_pretrained(path)`); `restore_if_touched()` notices that from file stats
and rebuilds, so later checks always see pristine checkpoints.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

from filelock import FileLock

ZOO_VERSION = "2"
SEED = 1234
MANIFEST = "MANIFEST.json"

ENCODERS: tuple[str, ...] = ("bert", "roberta", "distilbert", "electra", "albert")
DECODERS: tuple[str, ...] = ("gpt2", "llama", "qwen2")
SEQ2SEQ: tuple[str, ...] = ("t5", "bart", "marian")
#: BERT-family checkpoints saved with their next-sentence head.
NSP: tuple[str, ...] = ("bert", "bert-deep")
#: Decoders whose tokenizer carries a chat template (each a different one).
CHAT: tuple[str, ...] = DECODERS
#: Encoders saved as classifiers fine-tuned with three labels (heads included).
THREE_LABELS: tuple[str, ...] = tuple(f"{name}-3labels" for name in ENCODERS)
THREE_LABEL_NAMES: tuple[str, ...] = ("negative", "neutral", "positive")
#: Folders holding nothing but a `config.json`, one per architecture.
CONFIG_ONLY: tuple[str, ...] = tuple(f"config-only/{name}" for name in ENCODERS + DECODERS + SEQ2SEQ)
#: A BERT configured as a decoder: its name says encoder, its attention is causal.
CAUSAL_BERT = "bert-decoder"


def cache_root() -> Path:
    """Where zoos live: `$AUTOKATA_CACHE`, else the user's cache folder."""
    explicit = os.environ.get("AUTOKATA_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "autokata"


def zoo_key() -> str:
    """Zoo contents change with our recipes and with the libraries that write them."""
    return f"zoo-v{ZOO_VERSION}-transformers{version('transformers')}-torch{version('torch')}"


def zoo_dir() -> Path:
    return cache_root() / zoo_key()


def path(name: str) -> Path:
    """The folder of one checkpoint (building the zoo first if needed)."""
    folder = ensure() / name
    if not folder.is_dir():
        with FileLock(str(zoo_dir()) + ".lock"):  # another run may be swapping a rebuilt zoo in
            pass
        if not folder.is_dir():
            raise KeyError(f"the tiny zoo has no checkpoint named {name!r}")
    return folder


@cache
def ensure() -> Path:
    """Return the verified zoo folder, building it once per cache key."""
    target = zoo_dir()
    if _content_matches_manifest(target):
        _remember_stats(target)
        return target
    return _rebuild(target)


def restore_if_touched() -> bool:
    """Rebuild the zoo if any file changed since it was verified; True if it did."""
    target = zoo_dir()
    if _stats_fingerprint(target) == _verified_stats.get(target):
        return False
    _rebuild(target)
    return True


_verified_stats: dict[Path, tuple] = {}


def _remember_stats(target: Path) -> None:
    _verified_stats[target] = _stats_fingerprint(target)


def _stats_fingerprint(target: Path) -> tuple:
    entries = []
    for root, dirs, files in os.walk(target):
        dirs.sort()
        for name in sorted(files):
            stat = os.stat(os.path.join(root, name))
            entries.append((root, name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def _rebuild(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        _sweep_interrupted_builds(target.parent)
        if not _content_matches_manifest(target):
            staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
            try:
                build_into(staging)
                _discard(target)
                os.replace(staging, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    _remember_stats(target)
    return target


def _sweep_interrupted_builds(parent: Path) -> None:
    """Remove what a killed build left behind (safe: we hold the lock, nobody else builds)."""
    for leftover in [*parent.glob(".building-*"), *parent.glob(".stale-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _discard(folder: Path) -> None:
    """Move a stale zoo aside first, so no reader ever sees it half-deleted."""
    if folder.exists():
        trash = Path(tempfile.mkdtemp(prefix=".stale-", dir=folder.parent))
        os.replace(folder, trash / "zoo")
        shutil.rmtree(trash, ignore_errors=True)


def _hash_files(folder: Path) -> dict[str, str]:
    digests = {}
    for file in sorted(folder.rglob("*")):
        if file.is_file() and file.name != MANIFEST:
            digests[file.relative_to(folder).as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digests


def _content_matches_manifest(folder: Path) -> bool:
    try:
        expected = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    return expected == _hash_files(folder)


def build_into(folder: Path) -> None:
    """Build every checkpoint into `folder` and seal it with a manifest."""
    from autokata import _building

    _building.build_all(folder)
    (folder / MANIFEST).write_text(json.dumps(_hash_files(folder), indent=1, sort_keys=True))
