"""The end-of-run screen: progress per kata or per track, the next lesson, one last line.

It reads only test reports (their `user_properties`), so it works the same
under pytest-xdist, where reports arrive from worker processes.
"""

from __future__ import annotations

import textwrap
import time
from dataclasses import dataclass, field

import pytest

from autokata import course
from autokata.runner import State, kata_state

SYMBOLS = {State.SOLVED: "✓", State.NOT_STARTED: "○", State.FAILING: "✗"}
PER_KATA_LINES_UP_TO = 12


@dataclass
class KataProgress:
    kata: course.Kata
    file: str
    states: list[State] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def state(self) -> State:
        return kata_state(self.states)


def summary_line(solved: int, total: int, next_up: KataProgress | None) -> str:
    """The last line of every run: `autokata: 3/35 solved · next: katas/04_fill_mask.py · autokata hint 04`."""
    if next_up is None:
        return f"autokata: {solved}/{total} solved · every kata checked here is solved"
    return f"autokata: {solved}/{total} solved · next: {next_up.file} · autokata hint {next_up.kata.code}"


def wrapped(message: str, width: int) -> list[str]:
    """Wrap long lesson lines to the terminal, keeping each line's indentation."""
    lines = []
    for line in message.splitlines():
        indent = line[: len(line) - len(line.lstrip())]
        lines += textwrap.wrap(line, max(width, 40), subsequent_indent=indent + "  ") or [""]
    return lines


class ProgressSummary:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.katas: dict[str, KataProgress] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        from autokata.plugin import KATA_PROPERTY, MESSAGE_PROPERTY, STATE_PROPERTY

        properties = dict(getattr(report, "user_properties", ()))
        if KATA_PROPERTY not in properties:
            return
        file = report.nodeid.split("::", 1)[0]
        progress = self.katas.setdefault(file, KataProgress(course.BY_NUMBER[properties[KATA_PROPERTY]], file))
        if report.when == "call" and STATE_PROPERTY in properties:
            progress.states.append(State(properties[STATE_PROPERTY]))
            if MESSAGE_PROPERTY in properties:
                progress.messages.append(properties[MESSAGE_PROPERTY])
        elif report.failed:  # an error outside the check itself (setup, timeout): never count it solved
            progress.states.append(State.FAILING)
            progress.messages.append(str(report.longrepr).splitlines()[-1] if report.longrepr else "error")

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """A run on a warm-up's kata files is logged in the warm-up: its failing runs count on the scorecard."""
        if hasattr(self.config, "workerinput"):
            return
        from autokata.cli.status import cache_key
        from autokata.warmup import session as warmups

        for progress in self.katas.values():
            file = self.config.rootpath / progress.file
            if (file.parent.parent / warmups.STATE_FILE).is_file() and file.is_file() and progress.states:
                key = cache_key(progress.kata, file)
                warmups.record_sighting(file, progress.kata, progress.state.value, key, time.time())

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.katas:
            return
        ordered = sorted(self.katas.values(), key=lambda p: (p.kata.number, p.file))
        write = terminalreporter.write_line
        terminalreporter.write_sep("─", "autokata")
        if len(ordered) <= PER_KATA_LINES_UP_TO:
            several_attempts = len({p.kata for p in ordered}) < len(ordered)
            for progress in ordered:
                label = progress.file if several_attempts else f"{progress.kata.code} {progress.kata.title}"
                write(f"{SYMBOLS[progress.state]} {label:<61} {progress.state.value}")
        else:
            for track in course.TRACKS:
                in_track = [p for p in ordered if p.kata.track is track]
                if in_track:
                    marks = "".join(SYMBOLS[p.state] for p in in_track)
                    solved = sum(p.state is State.SOLVED for p in in_track)
                    write(f"{track.letter}  {track.title:<20} {marks:<12} {solved}/{len(in_track)}")
        unsolved = [p for p in ordered if p.state is not State.SOLVED]
        shown = unsolved if self.config.getoption("all_messages") else unsolved[:1]
        for progress in shown:
            write("")
            write(f"{progress.file} · {progress.kata.title} · {progress.state.value}", bold=True)
            message = progress.messages[0] if progress.messages else ""
            for line in wrapped(message, terminalreporter._tw.fullwidth - 2):
                write(f"  {line}")
            others = len(set(progress.messages) - {message})
            if others > 0 and progress.state is State.FAILING:
                write(f"  ({others} other problem(s) in this kata; `pytest {progress.file} -v` lists every check)")
        write("")
        solved = sum(p.state is State.SOLVED for p in ordered)
        write(summary_line(solved, len(ordered), unsolved[0] if unsolved else None), bold=True)
