"""`autokata reset NN | --all`: put back the original stub, keeping the learner's file as a backup.

Reset never loses work: the learner's file is first copied byte for byte to
`.autokata/backups/NN_slug.<timestamp>.py` (created exclusively, so no backup
ever overwrites another), and only then is the stub written, atomically. The
stub comes from the package data (`autokata.stubs`), so this works from a pip
install without git: `autokata reset --all` in a folder with no course yet
creates one there (`katas/` with every stub).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime
from pathlib import Path

from autokata import course, stubs
from autokata.cli.project import Project, parse_kata

HELP = "restore a kata's original stub (your file is backed up first)"
RESTORED = "Restored {file} to its original stub."
BACKED_UP = "Your version is saved as {backup}."
ALREADY_PRISTINE = "{file} is already the original stub: nothing to reset."
NO_STUB = "autokata ships no original stub for kata {code} yet, so it cannot be reset."
CONFIRM_ALL = "Reset {count} kata file(s) to their original stubs? Each is backed up to {backups} first. [y/N] "
CANCELLED = "Nothing was reset."
ALL_PRISTINE = "Every kata file is already its original stub: nothing to reset."
CONFIRM_CREATE = "No autokata course in {folder} yet. Create one there (katas/ with {count} kata stubs)? [y/N] "
CREATED = (
    "Created the course in {folder}: {count} kata files in katas/. "
    "Start with `{go}pytest katas/` or `autokata watch`."
)
YES = ("y", "yes")


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("reset", parents=[common], help=HELP, description=HELP + ".")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("kata", nargs="?", type=parse_kata, help="the kata: its number (5, 05) or file name")
    which.add_argument(
        "--all",
        action="store_true",
        help="reset every kata file (asks for confirmation); in a folder with no course yet, create one there",
    )
    parser.add_argument("--yes", action="store_true", help="with --all: do not ask for confirmation")
    parser.set_defaults(run=run, creates_course=lambda args: args.all)


def run(args: argparse.Namespace, project: Project) -> int:
    if not args.all:
        return reset_one(project, args.kata)
    if not project.katas_dir.is_dir():
        return create(project, args.yes)
    changed = [k for k in project.katas() if stubs.stub(k) is not None and _read(project.file(k)) != stubs.stub(k)]
    if not changed:
        print(ALL_PRISTINE)
        return 0
    question = CONFIRM_ALL.format(count=len(changed), backups=project.shown(project.backups_dir))
    if not args.yes and not _confirmed(question):
        print(CANCELLED)
        return 1
    for kata in changed:
        reset_one(project, kata)
    return 0


def create(project: Project, yes: bool) -> int:
    """A new course in the project folder: `katas/` with every stub autokata ships."""
    katas = [k for k in course.KATAS if stubs.stub(k) is not None]
    question = CONFIRM_CREATE.format(folder=project.root, count=len(katas))
    if not yes and not _confirmed(question):
        print(CANCELLED)
        return 1
    for kata in katas:
        _replace(project.file(kata), stubs.stub(kata))
    here = project.root == Path.cwd().resolve()
    go = "" if here else f"cd {project.shown(project.root)} && "
    print(CREATED.format(folder="this folder" if here else project.shown(project.root), count=len(katas), go=go))
    return 0


def reset_one(project: Project, kata: course.Kata) -> int:
    """Back the kata file up (unless it is missing or already the stub), then write the stub."""
    original = stubs.stub(kata)
    if original is None:
        print(NO_STUB.format(code=kata.code))
        return 1
    file = project.file(kata)
    current = _read(file)
    if current == original:
        print(ALREADY_PRISTINE.format(file=project.shown(file)))
        return 0
    if current is not None:
        backup = back_up(project, kata, current)
        print(BACKED_UP.format(backup=project.shown(backup)))
    _replace(file, original)
    print(RESTORED.format(file=project.shown(file)))
    return 0


def back_up(project: Project, kata: course.Kata, content: bytes) -> Path:
    """Write `content` to a new, never reused file in the backups folder and return its path."""
    project.backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = project.backups_dir / f"{kata.code}_{kata.slug}.{stamp}.py"
    same_second = 1
    while True:
        try:
            handle = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            same_second += 1
            backup = backup.with_name(f"{kata.code}_{kata.slug}.{stamp}-{same_second}.py")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())
    return backup


def _replace(file: Path, content: bytes) -> None:
    """Write the whole file or nothing: a temporary file renamed over it."""
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, file)


def _read(file: Path) -> bytes | None:
    return file.read_bytes() if file.is_file() else None


def _confirmed(question: str) -> bool:
    try:
        return input(question).strip().lower() in YES
    except EOFError:
        return False
