"""`autokata list`: every kata with its track, state and estimated minutes, as actually checked."""

from __future__ import annotations

import argparse
import sys

from autokata import course
from autokata.cli import status
from autokata.cli.project import Project
from autokata.progress import KataProgress, summary_line

HELP = "show every kata with its track, state and estimated minutes"
CHECKING = "autokata: checking {count} new or changed kata file(s)…"
ROW = "{symbol} {code}  {title:<60} {state:<18} {minutes:>3} min"
TRACK_HEADER = "Track {letter} · {title}"
TRACK_ROW = "{letter}  {title:<20} {marks:<12} {solved}/{total}"


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("list", parents=[common], help=HELP, description=HELP + ".")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    unchecked = status.stale(project)
    if unchecked:  # checking takes seconds: say so first (on stderr, so the table stays clean)
        print(CHECKING.format(count=len(unchecked)), file=sys.stderr, flush=True)
    print("\n".join(render(project, status.statuses(project))))
    return 0


def render(project: Project, found: list[status.KataStatus]) -> list[str]:
    """The table, grouped by track in course order, and the same last line `pytest katas/` prints."""
    lines: list[str] = []
    for track in course.TRACKS:
        rows = [s for s in found if s.kata.track is track]
        if not rows:
            continue
        if lines:
            lines.append("")
        lines.append(TRACK_HEADER.format(letter=track.letter, title=track.title))
        lines += [
            ROW.format(
                symbol=status.SYMBOLS[s.standing],
                code=s.kata.code,
                title=s.kata.title,
                state=s.standing.value,
                minutes=s.kata.minutes,
            )
            for s in rows
        ]
    return [*lines, "", summary(project, found)]


def summary(project: Project, found: list[status.KataStatus]) -> str:
    """The last line `pytest katas/` prints too: solved/total, the next kata and its hint command."""
    solved = sum(s.standing is status.Standing.SOLVED for s in found)
    upcoming = status.next_up(found)
    next_up = KataProgress(upcoming.kata, project.shown(upcoming.file)) if upcoming else None
    return summary_line(solved, len(found), next_up)


def render_compact(project: Project, found: list[status.KataStatus]) -> list[str]:
    """One line per track (for a watch screen too short for the table), then the same last line."""
    rows = []
    for track in course.TRACKS:
        in_track = [s for s in found if s.kata.track is track]
        if in_track:
            marks = "".join(status.SYMBOLS[s.standing] for s in in_track)
            solved = sum(s.standing is status.Standing.SOLVED for s in in_track)
            rows.append(
                TRACK_ROW.format(
                    letter=track.letter, title=track.title, marks=marks, solved=solved, total=len(in_track)
                )
            )
    return [*rows, "", summary(project, found)]
