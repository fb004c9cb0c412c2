"""`autokata watch`: re-check a kata each time it is saved, with torch kept warm.

One warm process (torch, transformers and the zoo loaded, the current kata's
reference models warmed) forks a fresh child per check, so a verdict arrives a
moment after the save. Saving a kata file makes it the current kata; when the
current kata becomes solved, the next unsolved one takes its place.
"""

from __future__ import annotations

import argparse
import select
import shutil
import sys
import time

from autokata import course, runner
from autokata.cli import events, hint, listing, state, status
from autokata.cli.checker import RunningCheck, Verdict, WarmChecker
from autokata.cli.project import Project
from autokata.cli.screen import Screen, current_line, verdict_lines

HELP = "re-check a kata every time you save it (keys: h hint, l list, q quit)"
LOADING = "autokata watch: loading torch and transformers, once…"
CHECKING = "Checking {file}…"
DONE_MARK = "✓ Kata {code} solved! Next up: {file}"
ALL_DONE = "✓ Every kata here is solved. Well done!"
KEYS = "h: hint · l: list · q: quit"
KEYS_IN_LIST = "l: back to your kata · q: quit"
QUIT_KEY, HINT_KEY, LIST_KEY = "q", "h", "l"
#: Lines the watch screen needs besides its output: done-mark, progress bar, current kata, keys.
SCREEN_LINES_AROUND_OUTPUT = 8


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("watch", parents=[common], help=HELP, description=HELP + ".")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    print(LOADING, flush=True)
    try:
        session = Session(project, WarmChecker())
        with events.saves(project.katas_dir) as saves, events.keys() as keys:
            try:
                session.begin()
                while not session.finished:
                    session.wait_for_something(saves, keys)
            finally:
                session.stop()
    except KeyboardInterrupt:  # Ctrl-C is as good a way to leave as `q`
        pass
    return 0


class Session:
    """What the watch screen shows, and how saves, verdicts and keys change it."""

    def __init__(self, project: Project, checker: WarmChecker) -> None:
        self.project = project
        self.checker = checker
        self.statuses = {found.kata.number: found for found in status.statuses(project, checker=checker)}
        upcoming = status.next_up(self.in_order())
        self.current: course.Kata | None = upcoming.kata if upcoming else None
        self.output = verdict_lines(upcoming, project.shown(upcoming.file)) if upcoming else []
        self.done = "" if upcoming else ALL_DONE
        self.hints_shown = 0
        self.listing = False
        self.running: RunningCheck | None = None
        self.running_key = ""
        self.finished = False

    def begin(self) -> None:
        self.draw()
        if self.current is not None:
            self.checker.warm(self.current)

    def wait_for_something(self, saves: events.Saves, keys: events.Keys | None) -> None:
        """Block until a verdict, a save, a key or a time limit, and handle it."""
        sources: list = [saves, *([keys] if keys else []), *([self.running] if self.running else [])]
        timeout = max(self.running.deadline - time.monotonic(), 0) if self.running else None
        ready, _, _ = select.select(sources, [], [], timeout)
        if self.running is not None and self.running in ready:
            running, self.running = self.running, None
            self.verdict(running.kata, running.finish())
        elif self.running is not None and time.monotonic() >= self.running.deadline:
            running, self.running = self.running, None
            self.verdict(running.kata, running.timed_out())
        if saves in ready:
            for name in saves.names():
                self.saved(course.kata_for_file(name))
        if keys is not None and keys in ready:
            for key in keys.pressed():
                self.pressed(key)

    def saved(self, kata: course.Kata) -> None:
        """A kata file was saved: it becomes the current kata and is checked (unless unchanged)."""
        self.listing = False
        known = status.cached(self.project, kata, state.load(self.project.state_dir))
        if known is not None and not known.checkable:
            self.output = verdict_lines(known, self.project.shown(known.file))
            self.draw()
            return
        if kata != self.current:
            self.current, self.hints_shown = kata, 0
        self.done = ""
        if known is not None:
            self.show(known)
            return
        self.stop()
        file = self.project.file(kata)
        self.output = [CHECKING.format(file=self.project.shown(file))]
        self.draw()
        self.checker.warm(kata)
        self.running_key = status.cache_key(kata, file)
        self.running = self.checker.start(kata, file)

    def verdict(self, kata: course.Kata, verdict: Verdict) -> None:
        self.show(status.record(self.project, kata, self.running_key, verdict))

    def show(self, found: status.KataStatus) -> None:
        """Show a verdict; a solved current kata hands over to the next unsolved one."""
        self.statuses[found.kata.number] = found
        self.output = verdict_lines(found, self.project.shown(found.file))
        moving_on = found.standing is status.Standing.SOLVED and found.kata == self.current
        if moving_on:
            upcoming = status.next_up(self.in_order())
            self.current, self.hints_shown = (upcoming.kata if upcoming else None), 0
            self.done = ALL_DONE
            if upcoming is not None:
                self.done = DONE_MARK.format(code=found.kata.code, file=self.project.shown(upcoming.file))
        self.draw()
        if moving_on and self.current is not None:
            self.checker.warm(self.current)

    def pressed(self, key: str) -> None:
        if key == QUIT_KEY:
            self.finished = True
        elif key == HINT_KEY and self.current is not None:
            self.hints_shown = hint.reveal_next(self.project, self.current)
            self.draw()
        elif key == LIST_KEY:
            self.listing = not self.listing
            self.draw()

    def stop(self) -> None:
        """Cancel the check under way, if any (a newer save or quitting makes it moot)."""
        if self.running is not None:
            self.running.cancel()
            self.running = None

    def draw(self) -> None:
        found = self.in_order()
        hints = runner.hints(self.current) if self.current and self.hints_shown else ()
        current = current_line(self.current, self.project.shown(self.project.file(self.current))) if self.current else ""
        screen = Screen(
            output=self.list_lines(found) if self.listing else self.output,
            hints=[hint.text(self.current, hints, level) for level in range(1, self.hints_shown + 1)],
            done=self.done,
            solved=sum(s.standing is status.Standing.SOLVED for s in found),
            total=len(found),
            current=current,
            keys=KEYS_IN_LIST if self.listing else KEYS,
        )
        sys.stdout.write(screen.render())
        sys.stdout.flush()

    def in_order(self) -> list[status.KataStatus]:
        """The statuses in course order (a kata saved for the first time joins at its place)."""
        return sorted(self.statuses.values(), key=lambda found: found.kata.number)

    def list_lines(self, found: list[status.KataStatus]) -> list[str]:
        """The list as `autokata list` shows it, or one line per track if the terminal is too short."""
        table = listing.render(self.project, found)
        fits = len(table) + SCREEN_LINES_AROUND_OUTPUT <= shutil.get_terminal_size().lines
        return table if fits else listing.render_compact(self.project, found)
