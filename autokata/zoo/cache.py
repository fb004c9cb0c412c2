"""The zoo's cache: one verified folder per key, built once, rebuilt when touched.

The cache is keyed by the zoo's own version and the transformers and torch
versions, built into a temporary folder and renamed into place under a file
lock (parallel runs build it once and never see it half-written), and checked
against a manifest of content hashes so a corrupted or tampered cache is
rebuilt. Learners' code may write into a checkpoint folder (say,
`save_pretrained(path)`); `restore_if_touched()` notices that from file stats
and rebuilds, so later checks always see pristine checkpoints.

Finding a built zoo imports neither torch nor transformers; only a build does.
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

from autokata.zoo.building import build_all

#: The zoo's own version. The key also carries a digest of the modules that decide
#: what is built, so an edited recipe never meets a cache built by the old one.
ZOO_VERSION = "3"
MANIFEST = "MANIFEST.json"
_BUILT_BY = ("families", "building", "calibration", "recipes", "tokenizers", "corpus")


def cache_root() -> Path:
    """Where zoos live: `$AUTOKATA_CACHE`, else the user's cache folder."""
    explicit = os.environ.get("AUTOKATA_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "autokata"


@cache
def _recipes_digest() -> str:
    digest = hashlib.sha256()
    for module in _BUILT_BY:
        digest.update((Path(__file__).with_name(f"{module}.py")).read_bytes())
    return digest.hexdigest()[:8]


@cache
def zoo_key() -> str:
    """Zoo contents change with our recipes and with the libraries that write them (neither
    changes under a running process: read once, not at every check)."""
    libraries = f"transformers{version('transformers')}-torch{version('torch')}"
    return f"zoo-v{ZOO_VERSION}-{_recipes_digest()}-{libraries}"


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
    if matches_manifest(target):
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
        if not matches_manifest(target):
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


def matches_manifest(folder: Path) -> bool:
    try:
        expected = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    return expected == _hash_files(folder)


def build_into(folder: Path) -> None:
    """Build every checkpoint into `folder` and seal it with a manifest."""
    build_all(folder)
    (folder / MANIFEST).write_text(json.dumps(_hash_files(folder), indent=1, sort_keys=True))
