"""One warm-up: its own course folder under `warmups/`, and its state file.

The folder is named by the start time and created exclusively, so a new
warm-up never lands on an old one. Its kata files sit in a `katas/` folder
inside it, which makes it a course of its own: `pytest warmups/NAME/` checks
it and `autokata watch --course warmups/NAME` watches it, while the learner's
own `katas/` stays untouched. `warmup.json` records the start, the time
allowed, the katas picked and every verdict seen, with its time; it is
rewritten whole on each change, under a lock (two status calls may overlap).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock

from autokata import course
from autokata.cli.project import WARMUP_STATE_FILE
from autokata.runner import State
from autokata.warmup.files import write_atomically

FOLDER = "warmups"
STATE_FILE = WARMUP_STATE_FILE
FORMAT = 1
NAME_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Sighting:
    """A check saw one content of a kata file (`key`) in a state, at a moment (seconds since the epoch)."""

    kata: str
    at: float
    state: str
    key: str


@dataclass
class Session:
    folder: Path
    started: float
    minutes: int
    seed: int
    track: str | None
    katas: list[str]
    sightings: list[Sighting] = field(default_factory=list)
    finished: float | None = None

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def deadline(self) -> float:
        return self.started + self.minutes * 60

    @property
    def course_katas(self) -> list[course.Kata]:
        return [course.find(code) for code in self.katas]

    def file(self, kata: course.Kata) -> Path:
        return self.folder / "katas" / kata.filename

    def last_seen(self, code: str) -> Sighting | None:
        return next((s for s in reversed(self.sightings) if s.kata == code), None)

    def first_green(self, code: str) -> float | None:
        """Seconds from the start to the first check that saw the kata solved, or None."""
        return next(
            (s.at - self.started for s in self.sightings if s.kata == code and s.state == State.SOLVED.value), None
        )


def create(
    root: Path, stubs: dict[course.Kata, bytes], minutes: int, seed: int, track: str | None, now: float
) -> Session:
    """A new warm-up folder holding the given stubs, its clock started at `now`."""
    folder = _new_folder(root / FOLDER, time.strftime(NAME_FORMAT, time.localtime(now)))
    (folder / "katas").mkdir()
    for kata, stub in stubs.items():
        (folder / "katas" / kata.filename).write_bytes(stub)
    codes = [kata.code for kata in sorted(stubs, key=lambda kata: kata.number)]
    session = Session(folder, now, minutes, seed, track, codes)
    save(session)
    return session


def _new_folder(parent: Path, name: str) -> Path:
    """Create `parent/name`, or `name-2`, `name-3`, … when two warm-ups start in the same second."""
    parent.mkdir(parents=True, exist_ok=True)
    folder, attempt = parent / name, 1
    while True:
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            attempt += 1
            folder = parent / f"{name}-{attempt}"


def save(session: Session) -> None:
    payload = {key: value for key, value in asdict(session).items() if key != "folder"}
    payload["format"] = FORMAT
    write_atomically(session.folder / STATE_FILE, json.dumps(payload, indent=1) + "\n")


def load(folder: Path) -> Session | None:
    """The warm-up in `folder`, or None when its state file is missing or unreadable."""
    try:
        raw = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        if raw.pop("format") != FORMAT:
            return None
        raw["sightings"] = [Sighting(**sighting) for sighting in raw["sightings"]]
        return Session(folder=folder, **raw)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def latest(root: Path) -> Session | None:
    """The most recently started warm-up of a course, if any."""
    parent = root / FOLDER
    found = [load(folder) for folder in parent.iterdir() if folder.is_dir()] if parent.is_dir() else []
    return max((s for s in found if s is not None), key=lambda s: s.started, default=None)


@contextmanager
def updating(folder: Path) -> Iterator[Session]:
    """Load, let the caller change, save, under a lock, so overlapping calls lose nothing."""
    with FileLock(str(folder / (STATE_FILE + ".lock"))):
        session = load(folder)
        if session is None:
            raise FileNotFoundError(folder / STATE_FILE)
        yield session
        save(session)
