"""Check a warm-up's katas and log what each check saw, and when.

Verdicts come through the one verdict store (`autokata.verdicts`, read via
`autokata.cli.status`), which the warm-up folder shares with `pytest
warmups/NAME/` and `autokata watch --course warmups/NAME`: a file content
either has judged already is not checked again. Each new content of a kata
file is logged once, with the moment it was first seen solved, failing or not
started: now, for a file this call checks; its save time, for a file judged
before (watch checks a file the moment it is saved; pytest logs its own runs).
"""

from __future__ import annotations

from autokata.cli import status
from autokata.cli.project import Project
from autokata.warmup.session import Session, Sighting


def stale(session: Session) -> int:
    """How many of the warm-up's kata files a look would have to check (the rest are cached)."""
    return len(status.stale(Project(session.folder), session.course_katas))


def look(session: Session, now: float) -> list[status.KataStatus]:
    """Every kata's status, each new verdict logged in `session` with its time."""
    project = Project(session.folder)
    checked_now = set(status.stale(project, session.course_katas))
    found = status.statuses(project, session.course_katas)
    for kata_status in found:
        kata, file = kata_status.kata, kata_status.file
        key = status.cache_key(kata, file) if kata_status.checkable else ""
        last = session.last_seen(kata.code)
        if last is not None and (last.key, last.state) == (key, kata_status.standing.value):
            continue
        if kata in checked_now or not kata_status.checkable:
            seen = now
        else:  # judged by watch when it was saved
            seen = min(now, max(session.started, file.stat().st_mtime))
        session.sightings.append(Sighting(kata.code, seen, kata_status.standing.value, key))
    return found
