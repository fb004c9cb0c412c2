"""Where the learner's course is: the nearest folder upward holding `katas/`.

Every verb works on one project folder, like git on one repository: found from
the current directory (so `autokata list` works from any subfolder) or named
with `--course DIR`. Its `.autokata/` folder holds the learner's state.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
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
#: A course's settings, in its folder (or a folder above it): `autokata export --student` writes
#: one saying the instructor withheld the reference solutions, and which katas the course holds.
COURSE_CONFIG = "autokata-course.toml"
SOLUTIONS_KEY = "solutions"
KATAS_KEY = "katas"
WITHHELD = "withheld"
COURSE_CONFIG_TEXT = """\
# autokata course settings (written by `autokata export --student`).
[course]
# "withheld": the instructor keeps the reference solutions; `autokata solution` will not show them.
solutions = "withheld"
"""
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

    @property
    def solutions_withheld(self) -> bool:
        """True in a course whose instructor withheld the reference solutions (see COURSE_CONFIG)."""
        return any(solutions_withheld(folder / COURSE_CONFIG) for folder in (self.root, *self.root.parents))

    @property
    def handed_out(self) -> set[str] | None:
        """The kata codes the course config lists (an export of some katas), or None: all of them."""
        return course_katas(self.root / COURSE_CONFIG)

    def katas(self) -> list[course.Kata]:
        """The course's katas this project has, in course order: a file in katas/ or a shipped
        stub (in a warm-up folder, only the picked katas, whose files are there)."""
        if self.is_warmup:
            return [k for k in course.KATAS if self.file(k).is_file()]
        listed = self.handed_out
        return [
            k
            for k in course.KATAS
            if self.file(k).is_file() or (stubs.stub(k) is not None and (listed is None or k.code in listed))
        ]


def course_settings(config: Path) -> dict | None:
    """The `[course]` table of a course config: {} without a config, None for one that cannot be read."""
    if not config.is_file():
        return {}
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the two settings, read by hand
        return _settings_by_hand(text)
    try:
        table = tomllib.loads(text).get("course", {})
    except tomllib.TOMLDecodeError:
        return None
    return table if isinstance(table, dict) else None


def solutions_withheld(config: Path) -> bool:
    """Does this course config withhold the solutions? One that cannot be read withholds them too:
    an instructor put it there, and failing closed shows no answer by mistake."""
    settings = course_settings(config)
    return settings is None or settings.get(SOLUTIONS_KEY) == WITHHELD


def course_katas(config: Path) -> set[str] | None:
    """The kata codes a course config lists, or None (no config, no list, or one not readable)."""
    listed = (course_settings(config) or {}).get(KATAS_KEY)
    return {str(code) for code in listed} if isinstance(listed, list) else None


def course_config_text(katas: list[course.Kata] | None = None) -> str:
    """A course config withholding the solutions; listing the katas handed out, when not all."""
    if katas is None or list(katas) == list(course.KATAS):
        return COURSE_CONFIG_TEXT
    codes = ", ".join(f'"{kata.code}"' for kata in katas)
    return COURSE_CONFIG_TEXT + f"# The katas handed out (`autokata list` shows these).\n{KATAS_KEY} = [{codes}]\n"


def _settings_by_hand(text: str) -> dict:
    settings: dict = {}
    solutions = re.search(rf'^\s*{SOLUTIONS_KEY}\s*=\s*["\']([^"\']*)["\']', text, re.MULTILINE)
    if solutions:
        settings[SOLUTIONS_KEY] = solutions.group(1)
    katas = re.search(rf"^\s*{KATAS_KEY}\s*=\s*\[([^\]]*)\]", text, re.MULTILINE)
    if katas:
        settings[KATAS_KEY] = re.findall(r'["\']([^"\']*)["\']', katas.group(1))
    return settings


def checks_exist(kata: course.Kata) -> bool:
    """A kata can be judged once its hidden check module has landed in the package."""
    return importlib.util.find_spec(kata.check_module) is not None


def parse_kata(text: str) -> course.Kata:
    """A kata as learners name it: `1`, `01`, `01_embeddings`, or a path to its file."""
    try:
        return course.find(Path(text).name)
    except KeyError:
        raise argparse.ArgumentTypeError(UNKNOWN_KATA.format(given=text, last=len(course.KATAS))) from None
