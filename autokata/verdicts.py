"""The one verdict store every front end shares: `<course>/.autokata/verdicts.json`.

pytest (the plugin, at the end of a run), `autokata watch`, `autokata list`,
a warm-up's status and the notebook helper all read and write the same
per-kata verdicts here, so whatever judged a kata file last saves the others
the work. A verdict is keyed by what decides it, never by file times:

- the kata file's *content* (so `git stash && git stash pop`, a copy or a
  touch re-checks nothing, and any edit re-checks);
- the check version: the kata's hidden check module, the kit and judge code
  every check runs on, and the installed transformers and torch versions (an
  upgrade of any of them re-checks everything).

As in rustlings, the file is small and rewritten whole: written to a temporary
file and renamed into place, under a lock (pytest, watch and list may run side
by side). A missing, broken or older-format file means starting fresh, never a
crash: the worst it costs is a re-check. Each kata keeps its last few verdicts,
so switching back and forth between two versions of a file re-checks neither.

Only the standard library and filelock here: the pytest plugin imports this
module at the end of a run, and `autokata list` answers from it without
importing torch.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from filelock import FileLock

from autokata import course

STATE_DIR = ".autokata"
STORE_FILE = "verdicts.json"
FORMAT = 2
#: Verdicts kept per kata (newest first): enough to flip between a few versions of a file.
KEPT_PER_KATA = 4
#: Code every check runs on, besides the kata's own check module (folders and files of the package).
JUDGING_CODE = ("kit", "judge", "runner.py")
LIBRARIES = ("transformers", "torch")

_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class StoredVerdict:
    """A kata's state (a `runner.State` value) and its first problem's message, for one key."""

    key: str
    state: str
    message: str = ""


@dataclass
class Verdicts:
    """What the store held when read: per kata code, its verdicts, newest first."""

    katas: dict[str, list[StoredVerdict]] = field(default_factory=dict)

    def find(self, kata: course.Kata, key: str) -> StoredVerdict | None:
        return next((v for v in self.katas.get(kata.code, ()) if v.key == key), None)

    def add(self, kata: course.Kata, verdict: StoredVerdict) -> None:
        others = [v for v in self.katas.get(kata.code, ()) if v.key != verdict.key]
        self.katas[kata.code] = [verdict, *others][:KEPT_PER_KATA]


# --- keys -----------------------------------------------------------------------------------


def content_digest(content: bytes) -> str:
    """The content half of a key (what a pytest item reports, so the store need not re-read the file)."""
    return hashlib.sha256(content).hexdigest()


def key(kata: course.Kata, digest: str) -> str:
    """The key of a verdict on content `digest` (see `content_digest`) under today's checks."""
    return hashlib.sha256(f"{digest}\n{check_version(kata)}".encode()).hexdigest()


def file_key(kata: course.Kata, file: Path) -> str:
    """The key of a verdict on `file` as it is now."""
    return key(kata, content_digest(file.read_bytes()))


@functools.cache
def check_version(kata: course.Kata) -> str:
    """What a verdict on this kata depends on besides the file: its checks, the code they run
    on, and the library versions. Computed once per process (the sources do not change under it)."""
    digest = hashlib.sha256(_judging_code_digest().encode())
    spec = importlib.util.find_spec(kata.check_module)
    if spec is not None and spec.origin:
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()


@functools.cache
def _judging_code_digest() -> str:
    digest = hashlib.sha256()
    for name in JUDGING_CODE:
        path = _PACKAGE / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(source.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(source.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library} {version(library)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{library} -\n".encode())
    return digest.hexdigest()


# --- the file -------------------------------------------------------------------------------


def load(state_dir: Path) -> Verdicts:
    """The stored verdicts, or none when the file is missing, unreadable or of another format."""
    try:
        raw = json.loads((state_dir / STORE_FILE).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return Verdicts()
        return Verdicts(
            {str(code): [StoredVerdict(**entry) for entry in entries] for code, entries in raw["katas"].items()}
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return Verdicts()


def record(state_dir: Path, found: Iterable[tuple[course.Kata, StoredVerdict]]) -> None:
    """Add verdicts to the store: under its lock, re-read, updated, replaced in one step."""
    found = list(found)
    if not found:
        return
    state_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(state_dir / (STORE_FILE + ".lock"))):
        stored = load(state_dir)
        for kata, verdict in found:
            stored.add(kata, verdict)
        write_atomically(
            state_dir / STORE_FILE,
            {
                "format": FORMAT,
                "katas": {code: [asdict(v) for v in entries] for code, entries in sorted(stored.katas.items())},
            },
        )


def write_atomically(path: Path, payload: dict) -> None:
    """Replace a JSON file in one step, so readers see the old or the new file, never half."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(payload, file, indent=1, sort_keys=True, ensure_ascii=False)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the course folder is the learner's to share
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def state_dir_of(file: Path) -> Path | None:
    """The store a kata file's verdicts belong in: `<course>/.autokata/` for `<course>/katas/NN_slug.py`
    (a course folder or a warm-up's); None for a file elsewhere (`solutions/`, a loose attempt)."""
    if file.parent.name != "katas" or course.kata_for_file(file.name) is None:
        return None
    return file.parent.parent / STATE_DIR
