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


@dataclass(frozen=True)
class Help:
    """The learner asked for help on a kata during the warm-up: a hint level, the lesson, or the solution."""

    kata: str
    at: float
    kind: str
    level: int = 0


HINT, EXPLAIN, SOLUTION = "hint", "explain", "solution"


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
    #: Hints, lessons and solutions shown during the warm-up (recorded, never forbidden).
    helps: list[Help] = field(default_factory=list)

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

    def failing_runs(self, code: str) -> int:
        """Checks that saw the kata failing before its first green (every one, if never green)."""
        green = self.first_green(code)
        return sum(
            1
            for s in self.sightings
            if s.kata == code and s.state == State.FAILING.value and (green is None or s.at - self.started < green)
        )

    def help_taken(self, code: str) -> list[Help]:
        return [h for h in self.helps if h.kata == code]

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
        raw["helps"] = [Help(**help) for help in raw.get("helps", [])]
        return Session(folder=folder, **raw)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def latest(root: Path) -> Session | None:
    """The most recently started warm-up of a course, if any."""
    parent = root / FOLDER
    found = [load(folder) for folder in parent.iterdir() if folder.is_dir()] if parent.is_dir() else []
    return max((s for s in found if s is not None), key=lambda s: s.started, default=None)


def open_for(folder: Path) -> Session | None:
    """The unfinished warm-up a course folder is, or holds: where help taken on its katas is recorded."""
    for candidate in (load(folder), latest(folder)):
        if candidate is not None and candidate.finished is None:
            return candidate
    return None


def record_help(folder: Path, kata: course.Kata, kind: str, level: int, now: float) -> None:
    """Note help taken on `kata` in the open warm-up of `folder`, if the kata is one of its picks."""
    current = open_for(folder)
    if current is None or kata.code not in current.katas:
        return
    with updating(current.folder) as current:
        current.helps.append(Help(kata.code, now, kind, level))


def record_sighting(file: Path, kata: course.Kata, state: str, key: str, now: float) -> None:
    """Log a verdict a pytest run reached on a warm-up's kata file (a failing run counts on the scorecard)."""
    folder = file.resolve().parent.parent
    current = load(folder)
    if current is None or current.finished is not None or kata.code not in current.katas:
        return
    with updating(folder) as current:
        last = current.last_seen(kata.code)
        if last is None or (last.key, last.state) != (key, state):
            current.sightings.append(Sighting(kata.code, now, state, key))


@contextmanager
def updating(folder: Path) -> Iterator[Session]:
    """Load, let the caller change, save, under a lock, so overlapping calls lose nothing."""
    with FileLock(str(folder / (STATE_FILE + ".lock"))):
        session = load(folder)
        if session is None:
            raise FileNotFoundError(folder / STATE_FILE)
        yield session
        save(session)
