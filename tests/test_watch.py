"""`autokata watch`, driven from a pseudo-terminal the way a learner's terminal drives it."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from autokata import course, runner
from autokata.cli import hint, screen, status, watch
from tests.helpers import NOISE, SOLUTION, STUB

EMBEDDINGS = course.find("01")
WRONG_HEAD = Path(__file__).parent / "mutants" / "01_embeddings" / "masked_lm.py"
FILE = "katas/01_embeddings.py"


class Terminal:
    """`autokata watch` running on a pseudo-terminal: type keys, read what the screen shows."""

    def __init__(self, course_dir: Path) -> None:
        master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "autokata.cli", "watch"], cwd=course_dir, stdin=slave, stdout=slave, stderr=slave
        )
        os.close(slave)
        self.master = master
        self.unread = b""

    def read_until(self, text: str, timeout: float = 180) -> str:
        """Everything shown up to and including `text` (which must appear within `timeout`)."""
        marker, deadline = text.encode(), time.monotonic() + timeout
        while marker not in self.unread:
            ready, _, _ = select.select([self.master], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise AssertionError(f"{text!r} never appeared; the screen showed:\n{self.unread.decode()[-3000:]}")
            self.unread += os.read(self.master, 65536)
        end = self.unread.index(marker) + len(marker)
        shown, self.unread = self.unread[:end], self.unread[end:]
        return shown.decode()

    def screen(self, showing: str = "") -> str:
        """The next whole screen drawn that shows `showing` (up to its keys line)."""
        shown = self.read_until(showing) + self.read_until(watch.KEYS) if showing else self.read_until(watch.KEYS)
        return shown.rpartition(screen.CLEAR)[2]

    def press(self, key: str) -> None:
        os.write(self.master, key.encode())

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    (tmp_path / "katas").mkdir()
    (tmp_path / FILE).write_bytes(STUB.read_bytes())
    running = Terminal(tmp_path)
    yield running
    running.close()


def save(course_dir: Path, source: Path) -> None:
    (course_dir / FILE).write_bytes(source.read_bytes())


def verdict(state: status.Standing) -> str:
    return screen.VERDICT.format(symbol=status.SYMBOLS[state], file=FILE, title=EMBEDDINGS.title, state=state.value)


def test_watch_shows_the_verdict_of_each_save_then_moves_on_when_solved(terminal, tmp_path):
    first = terminal.screen()
    assert verdict(status.Standing.NOT_STARTED) in first
    assert screen.CURRENT.format(file=FILE, title=EMBEDDINGS.title) in first

    save(tmp_path, WRONG_HEAD)
    failing = terminal.screen(showing=verdict(status.Standing.FAILING))
    assert "AutoModel is the Auto class without a task head" in failing

    save(tmp_path, SOLUTION)
    solved = terminal.screen(showing=verdict(status.Standing.SOLVED))
    sections = [solved.index(text) for text in (screen.SOLVED_NOTE, watch.ALL_DONE, "Progress: [", watch.KEYS)]
    assert sections == sorted(sections), "the screen keeps rustlings' order: output, done-mark, progress, keys"
    assert "Current kata" not in solved, "kata 01 is solved and no other kata is left to do"
    assert not any(noise in first + failing + solved for noise in NOISE)

    terminal.press(watch.QUIT_KEY)
    assert terminal.process.wait(timeout=30) == 0


def test_watch_keys_show_a_hint_and_the_list(terminal):
    terminal.screen()
    terminal.press(watch.HINT_KEY)
    shown = terminal.screen()
    assert hint.text(EMBEDDINGS, runner.hints(EMBEDDINGS), 1) in shown.replace("\r\n", "\n")
    assert shown.index("Hint 1/") < shown.index("Progress: [")
    terminal.press(watch.LIST_KEY)
    assert "autokata: 0/" in terminal.read_until(watch.KEYS_IN_LIST), "the list ends with the progress line"
    terminal.press(watch.QUIT_KEY)
    assert terminal.process.wait(timeout=30) == 0


def test_a_new_save_stops_a_check_that_never_ends(terminal, tmp_path):
    terminal.screen()
    never_ends = tmp_path / "never_ends.py"
    docstring = '    """Load the checkpoint'
    never_ends.write_text(SOLUTION.read_text().replace(docstring, "    while True:\n        pass\n" + docstring, 1))
    save(tmp_path, never_ends)
    terminal.screen(showing=watch.CHECKING.format(file=FILE))
    save(tmp_path, SOLUTION)
    assert screen.SOLVED_NOTE in terminal.screen(showing=verdict(status.Standing.SOLVED))


def test_the_screen_is_drawn_in_rustlings_order():
    drawn = screen.Screen(
        output=["output"], hints=["hint"], done="done", solved=1, total=4, current="current", keys="keys"
    ).render()
    assert drawn.startswith(screen.CLEAR)
    sections = drawn.removeprefix(screen.CLEAR).split("\n\n")
    assert sections == ["output", "hint", "done", "Progress: [##########>-----------------------------] 1/4",
                        "current", "keys\n"]
