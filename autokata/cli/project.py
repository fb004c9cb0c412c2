"""Where the learner's course is: the nearest folder upward holding `katas/`.

Every verb works on one project folder, like git on one repository: found from
the current directory (so `autokata list` works from any subfolder) or named
with `--course DIR`. Its `.autokata/` folder holds the learner's state.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from autokata import course, stubs

NO_COURSE = (
    "No autokata course here: no katas/ folder in {start} or any folder above it. "
    "Change into your course folder or pass --course DIR."
)
NOT_A_COURSE = "{folder} is not an autokata course: it has no katas/ folder."
#: A warm-up folder's clock; such a folder holds only the katas picked for it.
WARMUP_STATE_FILE = "warmup.json"
UNKNOWN_KATA = "there is no kata {given!r}: katas are numbered 01 to {last:02d} (see `autokata list`)"


class NoCourse(Exception):
    """Raised when no project folder can be found; its message is for the learner."""


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, explicit: Path | None = None) -> "Project":
        """`explicit` if given, else the nearest folder from the cwd upward with `katas/`."""
        if explicit is not None:
            if not (explicit / "katas").is_dir():
                raise NoCourse(NOT_A_COURSE.format(folder=explicit))
            return cls(explicit.resolve())
        start = Path.cwd().resolve()
        for folder in (start, *start.parents):
            if (folder / "katas").is_dir():
                return cls(folder)
        raise NoCourse(NO_COURSE.format(start=start))

    @property
    def katas_dir(self) -> Path:
        return self.root / "katas"

    @property
    def state_dir(self) -> Path:
        return self.root / ".autokata"

    @property
    def backups_dir(self) -> Path:
        return self.state_dir / "backups"

    def file(self, kata: course.Kata) -> Path:
        return self.katas_dir / kata.filename

    def shown(self, path: Path) -> str:
        """A path as the learner would type it: relative to the cwd when inside it."""
        relative = os.path.relpath(path, Path.cwd())
        return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()

    @property
    def is_warmup(self) -> bool:
        return (self.root / WARMUP_STATE_FILE).is_file()

    def katas(self) -> list[course.Kata]:
        """The course's katas this project has, in course order: a file in katas/ or a shipped
        stub (in a warm-up folder, only the picked katas, whose files are there)."""
        if self.is_warmup:
            return [k for k in course.KATAS if self.file(k).is_file()]
        return [k for k in course.KATAS if self.file(k).is_file() or stubs.stub(k) is not None]


def checks_exist(kata: course.Kata) -> bool:
    """A kata can be judged once its hidden check module has landed in the package."""
    return importlib.util.find_spec(kata.check_module) is not None


def parse_kata(text: str) -> course.Kata:
    """A kata as learners name it: `1`, `01`, `01_embeddings`, or a path to its file."""
    try:
        return course.find(Path(text).name)
    except KeyError:
        raise argparse.ArgumentTypeError(UNKNOWN_KATA.format(given=text, last=len(course.KATAS))) from None
