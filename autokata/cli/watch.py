"""`autokata watch`: re-check a kata each time it is saved, with torch kept warm.

One warm process (torch, transformers and the zoo loaded, the current kata's
reference models warmed) forks a fresh child per check, so a verdict arrives a
moment after the save. Saving a kata file makes it the current kata; when the
current kata becomes solved, the next unsolved one takes its place.

The screen (`screen.py`) is drawn whole, to the terminal's size, after every
event: a verdict, a save, a key, a resize. While a check runs, a live line
counts its checks and its seconds against the time limit.
"""

from __future__ import annotations

import argparse
import select
import sys
import time

from autokata import course
from autokata.cli import events, hint, listing, status
from autokata.cli.checker import RunningCheck, Verdict, WarmChecker
from autokata.cli.project import Project
from autokata.cli.screen import (
    CHECKING,
    LIVE,
    Screen,
    current_line,
    hint_lines,
    terminal_size,
    verdict_body,
    verdict_headline,
)

HELP = "re-check a kata every time you save it (keys: h hint, m more, l list, q quit)"
LOADING = "autokata watch: loading torch and transformers, once…"
FIRST_CHECKS = "autokata watch: checking {count} new or changed kata file(s)…"
DONE_MARK = "✓ Kata {code} solved! Next up: {file}"
ALL_DONE = "✓ Every kata here is solved. Well done!"
KEYS = "h: hint · m: more · l: list · q: quit"
KEYS_IN_LIST = "l: back to your kata · q: quit"
QUIT_KEY, HINT_KEY, LIST_KEY, MORE_KEY = "q", "h", "l", "m"
#: How often the live line ticks while a check runs (seconds).
TICK_SECONDS = 0.2


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("watch", parents=[common], help=HELP, description=HELP + ".")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    print(LOADING, flush=True)
    try:
        checker = WarmChecker()
        stale = status.stale(project)
        if stale:
            print(FIRST_CHECKS.format(count=len(stale)), flush=True)
        session = Session(project, checker)
        with events.saves(project.katas_dir) as saves, events.keys() as keys, events.resizes() as resizes:
            try:
                session.begin()
                while not session.finished:
                    session.wait_for_something(saves, keys, resizes)
            finally:
                session.stop()
    except KeyboardInterrupt:  # Ctrl-C is as good a way to leave as `q`
        pass
    return 0


class Session:
    """What the watch screen shows, and how saves, verdicts, keys and resizes change it."""

    def __init__(self, project: Project, checker: WarmChecker) -> None:
        self.project = project
        self.checker = checker
        self.statuses = {found.kata.number: found for found in status.statuses(project, checker=checker)}
        upcoming = status.next_up(self.in_order())
        self.current: course.Kata | None = upcoming.kata if upcoming else None
        #: The verdict on screen (after a solve, the solved kata's, until the learner turns to the next).
        self.shown: status.KataStatus | None = upcoming
        self.done = "" if upcoming else ALL_DONE
        self.hints_shown = 0
        self.listing = False
        #: None: the output cut to fit, with a note; k: page k of its whole text (the `m` key).
        self.page: int | None = None
        self.running: RunningCheck | None = None
        self.running_key = ""
        self.finished = False

    def begin(self) -> None:
        self.draw()
        if self.current is not None:
            self.checker.warm(self.current)

    def wait_for_something(
        self, saves: events.Saves, keys: events.Keys | None, resizes: events.Resizes | None = None
    ) -> None:
        """Block until a verdict, a save, a key, a resize, a time limit or the live line's tick."""
        sources: list = [saves, *([keys] if keys else []), *([resizes] if resizes else [])]
        timeout = None
        if self.running is not None:
            sources.append(self.running)
            timeout = min(max(self.running.deadline - time.monotonic(), 0), TICK_SECONDS)
        ready, _, _ = select.select(sources, [], [], timeout)
        if self.running is not None and self.running in ready:
            verdict = self.running.poll()
            if verdict is not None:
                running, self.running = self.running, None
                self.verdict(running.kata, verdict)
        elif self.running is not None and time.monotonic() >= self.running.deadline:
            running, self.running = self.running, None
            self.verdict(running.kata, running.timed_out())
        if saves in ready:
            for name in saves.names():
                self.saved(course.kata_for_file(name))
        if keys is not None and keys in ready:
            for key in keys.pressed():
                self.pressed(key)
        if resizes is not None and resizes in ready:
            resizes.drain()
            self.draw()
        elif self.running is not None and saves not in ready and keys not in ready:
            self.draw(clear=False)  # the live line: a case checked, or a tick of its clock

    def saved(self, kata: course.Kata) -> None:
        """A kata file was saved: it becomes the current kata and is checked (unless judged before)."""
        self.listing, self.page = False, None
        known = status.cached(self.project, kata, status.stored(self.project))
        if known is not None and not known.checkable:
            self.shown = known
            self.draw()
            return
        if kata != self.current:
            self.current, self.hints_shown = kata, 0
        self.done = ""
        if known is not None:
            self.stop()
            self.show(known)
            return
        self.stop()
        file = self.project.file(kata)
        self.checker.warm(kata)
        self.running_key = status.cache_key(kata, file)
        self.running = self.checker.start(kata, file, progress=True)
        self.draw()

    def verdict(self, kata: course.Kata, verdict: Verdict) -> None:
        self.show(status.record(self.project, kata, self.running_key, verdict))

    def show(self, found: status.KataStatus) -> None:
        """Show a verdict; a solved current kata hands over to the next unsolved one."""
        self.statuses[found.kata.number] = found
        self.shown, self.page = found, None
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
            self.turn_to_current()
            self.hints_shown = hint.reveal_next(self.project, self.current)
            self.listing, self.page = False, None
            self.draw()
        elif key == LIST_KEY:
            self.listing, self.page = not self.listing, None
            self.draw()
        elif key == MORE_KEY:
            self.more()

    def turn_to_current(self) -> None:
        """Leave the solved kata's screen for the current kata's: nothing of the last kata stays."""
        if self.current is not None and self.shown is not None and self.shown.kata != self.current:
            self.shown, self.done = self.statuses.get(self.current.number), ""

    def more(self) -> None:
        """`m`: the whole output, page by page, then back to the screen cut to fit."""
        width, height = terminal_size()
        pages = self.screen().pages(width, height)
        if self.page is None:
            if pages <= 1:
                return
            self.page = 0
        elif self.page + 1 < pages:
            self.page += 1
        else:
            self.page = None
        self.draw()

    def stop(self) -> None:
        """Cancel the check under way, if any (a newer save or quitting makes it moot)."""
        if self.running is not None:
            self.running.cancel()
            self.running = None

    def screen(self) -> Screen:
        """What the screen shows now (sized when drawn)."""
        found = self.in_order()
        current = self.current
        screen = Screen(
            hints=hint_lines(current, self.hints_shown) if current and not self.listing else [],
            done=self.done,
            solved=sum(s.standing is status.Standing.SOLVED for s in found),
            total=len(found),
            current=current_line(current, self.project.shown(self.project.file(current))) if current else "",
            keys=KEYS_IN_LIST if self.listing else KEYS,
            page=self.page,
        )
        if self.listing:
            screen.body, screen.prose = self.list_lines(found, screen), False
        elif self.running is not None:
            kata, file = self.running.kata, self.project.shown(self.project.file(self.running.kata))
            screen.headline = CHECKING.format(file=file, title=kata.title)
            screen.body, screen.prose = [self.live_line()], False
        elif self.shown is not None:
            screen.headline = verdict_headline(self.shown, self.project.shown(self.shown.file))
            screen.body = verdict_body(self.shown)
        return screen

    def live_line(self) -> str:
        running, now = self.running, time.monotonic()
        return LIVE.format(
            checked=running.checked,
            total=running.total or "?",
            elapsed=running.elapsed(now),
            left=max(running.deadline - now, 0),
        )

    def draw(self, clear: bool = True) -> None:
        width, height = terminal_size()
        sys.stdout.write(self.screen().render(width, height, clear=clear))
        sys.stdout.flush()

    def in_order(self) -> list[status.KataStatus]:
        """The statuses in course order (a kata saved for the first time joins at its place)."""
        return sorted(self.statuses.values(), key=lambda found: found.kata.number)

    def list_lines(self, found: list[status.KataStatus], screen: Screen) -> list[str]:
        """The list as `autokata list` shows it, or one line per track if the terminal cannot hold it."""
        width, height = terminal_size()
        table = listing.render(self.project, found)
        screen.body, screen.prose = table, False
        fits = screen.pages(width, height) == 1 and all(len(line) < width for line in table)
        return table if fits else listing.render_compact(self.project, found)
