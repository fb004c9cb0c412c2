"""The end-of-run screen: progress per kata or per track, the next lesson, one last line.

It reads only test reports (their `user_properties`), so it works the same
under pytest-xdist, where reports arrive from worker processes. At the end of
a run (in the controller only, under xdist) each course kata file whose every
check ran goes into the verdict store (`autokata.verdicts`), so `autokata
list` and `watch` know at once what pytest has just found; a file checked in
part (`-k`, `-x`, `--lf`), changed during the run, or graded with other draws
(`--autokata-seed`) is left out; and like pytest's own cache, the store is not
written under `-p no:cacheprovider` (a grader's run writes nothing into a
learner's folder). pytest's closing line counts katas:
`35 katas: 0 solved, 35 not started · 340 checks`.
"""

from __future__ import annotations

import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

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
    #: Each check's state and message by its number (1-based), and how many checks the kata has.
    checks: dict[int, tuple[State, str]] = field(default_factory=dict)
    of: int = 0
    #: The content hashes the checks were collected for (one, unless the file changed mid-run).
    contents: set[str] = field(default_factory=set)

    @property
    def state(self) -> State:
        return kata_state(self.states)

    @property
    def fully_checked(self) -> bool:
        """Every check of the kata ran on one content of the file."""
        return self.of > 0 and len(self.checks) == self.of and len(self.contents) == 1

    @property
    def first_problem(self) -> str:
        """The message of the first check (in the kata's order) that did not pass, as watch shows it."""
        return next((message for _, (state, message) in sorted(self.checks.items()) if state is not State.SOLVED), "")


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
        from autokata.item_properties import CHECK_PROPERTY, CONTENT_PROPERTY, KATA_PROPERTY, MESSAGE_PROPERTY, STATE_PROPERTY

        properties = dict(getattr(report, "user_properties", ()))
        if KATA_PROPERTY not in properties:
            return
        file = report.nodeid.split("::", 1)[0]
        progress = self.katas.setdefault(file, KataProgress(course.find(properties[KATA_PROPERTY]), file))
        if CONTENT_PROPERTY in properties:
            progress.contents.add(properties[CONTENT_PROPERTY])
        if report.when == "call" and STATE_PROPERTY in properties:
            state, message = State(properties[STATE_PROPERTY]), properties.get(MESSAGE_PROPERTY, "")
            progress.states.append(state)
            if MESSAGE_PROPERTY in properties:
                progress.messages.append(message)
            if CHECK_PROPERTY in properties:
                number, of = (int(part) for part in str(properties[CHECK_PROPERTY]).split("/"))
                progress.checks[number], progress.of = (state, message), of
        elif report.failed:  # an error outside the check itself (setup, timeout): never count it solved
            progress.states.append(State.FAILING)
            progress.messages.append(str(report.longrepr).splitlines()[-1] if report.longrepr else "error")
            progress.contents.add("")  # and never store it: it is not the check's verdict

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Store the verdict of each course kata file checked whole; log a run on a warm-up's kata
        files in the warm-up (its failing runs count on the scorecard). Only in the controller."""
        if hasattr(self.config, "workerinput"):
            return
        keep = self.config.pluginmanager.hasplugin("cacheprovider")  # `-p no:cacheprovider`: write nothing
        from autokata import verdicts
        from autokata.warmup import session as warmups

        stores: dict[Path, list[tuple[course.Kata, verdicts.StoredVerdict]]] = {}
        #: Grading draws (`--autokata-seed`) are not the learner's: their verdicts are not the learner's to keep.
        graded = self.config.getoption("autokata_seed", default=None) is not None
        for progress in self.katas.values():
            file = self.config.rootpath / progress.file
            if not file.is_file():
                continue
            key = verdicts.file_key(progress.kata, file)
            store = verdicts.state_dir_of(file) if keep and not graded else None
            unchanged = progress.contents == {verdicts.content_digest(file.read_bytes())}
            if store is not None and progress.fully_checked and unchanged:
                verdict = verdicts.StoredVerdict(key, progress.state.value, progress.first_problem)
                stores.setdefault(store, []).append((progress.kata, verdict))
            if (file.parent.parent / warmups.STATE_FILE).is_file() and progress.states:
                warmups.record_sighting(file, progress.kata, progress.state.value, key, time.time())
        for store, found in stores.items():
            try:
                verdicts.record(store, found)
            except OSError:  # a read-only course folder: the verdicts are only not remembered
                pass

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.katas:
            return
        count_katas_in_closing_line(terminalreporter, list(self.katas.values()))
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
            message = progress.first_problem or (progress.messages[0] if progress.messages else "")
            for line in wrapped(message, terminalreporter._tw.fullwidth - 2):
                write(f"  {line}")
            others = len(set(progress.messages) - {message})
            if others > 0 and progress.state is State.FAILING:
                write(f"  ({others} other problem(s) in this kata; `pytest {progress.file} -v` lists every check)")
        write("")
        solved = sum(p.state is State.SOLVED for p in ordered)
        write(summary_line(solved, len(ordered), unsolved[0] if unsolved else None), bold=True)


def closing_counts(katas: list[KataProgress], checks: int) -> str:
    """`35 katas: 0 solved, 35 not started · 340 checks` (failing and not started only when some are)."""
    states = [p.state for p in katas]
    counts = [f"{states.count(State.SOLVED)} solved"] + [
        f"{states.count(state)} {state.value}" for state in (State.FAILING, State.NOT_STARTED) if state in states
    ]
    katas_text = f"{len(katas)} kata" + ("s" if len(katas) != 1 else "")
    checks_text = f"{checks} check" + ("s" if checks != 1 else "")
    return f"{katas_text}: {', '.join(counts)} · {checks_text}"


def count_katas_in_closing_line(reporter, katas: list[KataProgress]) -> None:
    """pytest's closing line counts kata files and their checks, not "340 not started".

    The kata checks' own counts (solved checks are "passed", the others "failing" and "not
    started") give way to one part; anything else (other tests, errors, deselected) stays.
    """
    from autokata.item_properties import CATEGORIES, KATA_PROPERTY

    build = reporter.build_summary_stats_line
    categories = {category for category, _, _ in CATEGORIES.values()}

    def is_kata_check(report) -> bool:
        return KATA_PROPERTY in dict(getattr(report, "user_properties", ()))

    def build_with_katas():
        parts, main_color = build()
        if reporter.config.getoption("collectonly"):
            return parts, main_color
        kata_checks = {
            category: sum(is_kata_check(r) for r in reporter.stats.get(category, ())) for category in categories
        }
        others = []
        for text, markup in parts:
            count, _, category = text.partition(" ")
            if category in categories and count.isdigit():
                left = int(count) - kata_checks[category]
                if left <= 0:
                    continue
                text = f"{left} {category}"
            others.append((text, markup))
        states = {p.state for p in katas}
        color = "red" if State.FAILING in states else "green" if states == {State.SOLVED} else "yellow"
        main_color = "red" if main_color == "red" else color
        return [(closing_counts(katas, sum(kata_checks.values())), {color: True, "bold": True}), *others], main_color

    reporter.build_summary_stats_line = build_with_katas
