"""`autokata warmup`: start a timed warm-up, look at it, finish it, or look back at past ones."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from autokata import course, quiet
from autokata.argtypes import positive
from autokata.cli import status
from autokata.cli.project import NoCourse, Project, parse_kata
from autokata.warmup import checking, history, picking, scorecard, session

HELP = "a timed interview warm-up: fresh copies of a few katas in their own folder, a deadline, a scorecard"
DEFAULT_COUNT = 3
CHECKING = "autokata: checking {count} kata file(s)…"
STILL_OPEN = (
    "Warm-up {name} is still open ({left}). `autokata warmup --status` shows it; "
    "`autokata warmup --finish` ends it before you start another."
)
NOTHING_TO_PICK = (
    "No kata to pick: every kata{track} in {folder} is solved. "
    "`autokata warmup --include-solved` practises them again."
)
IN_TRACK = " of track {letter}"
FEWER = "Only {count} kata(s) to pick from{track}: the warm-up has all of them."
STARTED = "Warm-up {name}: {count} kata(s) in {minutes} minutes, seed {seed} (`--seed {seed}` picks the same again)."
PICKED = "  {file} · {title}"
CLOCK_RUNNING = "The clock is running: time is up at {deadline}."
WHAT_TO_RUN = (
    "Check:  pytest {folder}/\n"
    "Watch:  autokata watch --course {folder}\n"
    "Status: autokata warmup --status · done early? autokata warmup --finish"
)
NO_WARMUP = "No warm-up yet: `autokata warmup` starts one."
STATUS_HEADER = "Warm-up {name} · {left} left · time is up at {deadline}"
STATUS_ROW = "{symbol} {code}  {title:<56} {state}{green}"
GREEN_AFTER = " · green after {time}"
STATUS_FOOTER = "Check: pytest {folder}/ · done? autokata warmup --finish"
TIME_UP = "time is up"
LEFT = "{time} left"
SAVED = "Saved to {history}; `autokata warmup --history` shows your personal bests."
DEADLINE_FORMAT = "%H:%M:%S"

Clock = Callable[[], float]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--count",
        type=positive(int),
        default=DEFAULT_COUNT,
        metavar="N",
        help="how many katas to pick (default: %(default)s)",
    )
    parser.add_argument(
        "--minutes",
        type=positive(int),
        metavar="M",
        help="the time allowed (default: the picked katas' estimated minutes added up)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="S",
        help="the seed of the pick: the same seed picks the same katas again (default: a new one, printed)",
    )
    parser.add_argument(
        "--track",
        type=str.upper,
        choices=[track.letter for track in course.TRACKS],
        help="pick only from this track (see `autokata list`)",
    )
    parser.add_argument(
        "--kata",
        dest="katas",
        action="append",
        type=parse_kata,
        metavar="NN",
        help="pick this kata (repeatable: `--kata 08 --kata 23`); overrides --count, --track and --seed",
    )
    parser.add_argument(
        "--include-solved", action="store_true", help="also pick katas already solved in your katas/ folder"
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--status", action="store_true", help="show the time left and each kata's state (the scorecard once time is up)"
    )
    action.add_argument("--finish", action="store_true", help="stop the clock now and print the scorecard")
    action.add_argument("--history", action="store_true", help="show past scorecards and your personal best per kata")


def run(args: argparse.Namespace, clock: Clock = time.time) -> int:
    """Start, look at, finish or look back; `clock` gives the time (tests pass their own)."""
    quiet.offline_and_quiet_environment()
    try:
        project = Project.find(getattr(args, "course", None))
    except NoCourse as error:
        print(error)
        return 2
    if args.history:
        print("\n".join(history.render(history.load(project.state_dir))))
        return 0
    if args.status or args.finish:
        return _look(project, clock, finish=args.finish)
    return _start(project, args, clock)


def _start(project: Project, args: argparse.Namespace, clock: Clock) -> int:
    current = session.latest(project.root)
    if current is not None and current.finished is None:
        print(STILL_OPEN.format(name=current.name, left=_left(current, clock())))
        return 1
    seed = args.seed if args.seed is not None else picking.new_seed()
    if args.katas:
        picked = sorted(set(args.katas), key=lambda kata: kata.number)
        return _begin(project, args, clock, picked, seed)
    track = IN_TRACK.format(letter=args.track) if args.track else ""
    katas = picking.candidates(project, args.track)
    if not args.include_solved:
        katas = _unsolved(project, katas)
    if not katas:
        print(NOTHING_TO_PICK.format(track=track, folder=project.shown(project.katas_dir)))
        return 1
    picked = picking.pick(katas, args.count, seed)
    if len(picked) < args.count:
        print(FEWER.format(count=len(picked), track=track))
    return _begin(project, args, clock, picked, seed)


def _begin(project: Project, args: argparse.Namespace, clock: Clock, picked: list[course.Kata], seed: int) -> int:
    """Copy the picked katas' fresh stubs into a new warm-up folder and start its clock."""
    minutes = args.minutes or sum(kata.minutes for kata in picked)
    stubs = {kata: picking.fresh_stub(project, kata) for kata in picked}
    started = session.create(project.root, stubs, minutes, seed, args.track, clock())
    folder = project.shown(started.folder)
    print(STARTED.format(name=started.name, count=len(picked), minutes=minutes, seed=seed))
    for kata in picked:
        print(PICKED.format(file=project.shown(started.file(kata)), title=kata.title))
    print(CLOCK_RUNNING.format(deadline=_clock_time(started.deadline)))
    print(WHAT_TO_RUN.format(folder=folder))
    return 0


def _unsolved(project: Project, katas: list[course.Kata]) -> list[course.Kata]:
    """The katas not solved in the learner's own folder (a file equal to its stub is not: no check needed)."""
    edited = picking.edited(project, katas)
    unchecked = status.stale(project, edited)
    if unchecked:
        print(CHECKING.format(count=len(unchecked)), file=sys.stderr, flush=True)
    solved = {found.kata for found in status.statuses(project, edited) if found.standing is status.Standing.SOLVED}
    return [kata for kata in katas if kata not in solved]


def _look(project: Project, clock: Clock, finish: bool) -> int:
    """Check the latest warm-up; print its status, or finish it and print its scorecard."""
    current = session.latest(project.root)
    if current is None:
        print(NO_WARMUP)
        return 1
    if current.finished is not None:
        print("\n".join(scorecard.render(scorecard.score(current))))
        return 0
    unchecked = checking.stale(current)
    if unchecked:
        print(CHECKING.format(count=unchecked), file=sys.stderr, flush=True)
    with session.updating(current.folder) as current:
        now = clock()
        found = checking.look(current, now)
        if finish or now >= current.deadline:
            current.finished = now
    if current.finished is None:
        print("\n".join(_status_lines(project, current, found, now)))
        return 0
    card = scorecard.score(current)
    history.append(project.state_dir, scorecard.record(card))
    print("\n".join(scorecard.render(card)))
    print(SAVED.format(history=project.shown(history.path(project.state_dir))))
    return 0


def _status_lines(
    project: Project, current: session.Session, found: list[status.KataStatus], now: float
) -> list[str]:
    left, deadline = _duration_left(current, now), _clock_time(current.deadline)
    header = STATUS_HEADER.format(name=current.name, left=left, deadline=deadline)
    rows = []
    for kata_status in found:
        green = current.first_green(kata_status.kata.code)
        rows.append(
            STATUS_ROW.format(
                symbol=status.SYMBOLS[kata_status.standing],
                code=kata_status.kata.code,
                title=kata_status.kata.title,
                state=kata_status.standing.value,
                green=GREEN_AFTER.format(time=scorecard.duration(green)) if green is not None else "",
            )
        )
    return [header, *rows, STATUS_FOOTER.format(folder=project.shown(current.folder))]


def _duration_left(current: session.Session, now: float) -> str:
    return scorecard.duration(max(current.deadline - now, 0))


def _left(current: session.Session, now: float) -> str:
    return LEFT.format(time=_duration_left(current, now)) if now < current.deadline else TIME_UP


def _clock_time(moment: float) -> str:
    return time.strftime(DEADLINE_FORMAT, time.localtime(moment))
