"""A program on a pseudo-terminal of a given size, and what a terminal of that size would display.

`Display` is a small terminal emulator (the escape sequences watch writes:
cursor home and position, erase in line and screen, colours ignored) that
keeps the grid of characters a learner sees, and counts what would spoil it:
lines the terminal had to wrap because they were wider than the screen, and
lines scrolled off the top because the screen had more lines than the terminal.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Callable
from pathlib import Path

_CONTROL = re.compile(
    r"\x1b\[([0-9;?]*)([@-~])"  # CSI: cursor, erase, colours (group 1: parameters, 2: the command)
    r"|\x1b\][^\x07]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"  # OSC, charsets, modes
    r"|[\r\n\b\t\x07]"
)


class Display:
    """The characters a `columns` x `lines` terminal shows, after everything fed to it."""

    def __init__(self, columns: int, lines: int) -> None:
        self.columns, self.lines = columns, lines
        self.grid = [[" "] * columns for _ in range(lines)]
        self.row = self.column = 0
        self.pending_wrap = False
        #: Since the screen was last cleared: lines wider than the terminal, lines scrolled off the top.
        self.wrapped = 0
        self.scrolled = 0

    def resize(self, columns: int, lines: int) -> None:
        self.__init__(columns, lines)

    @property
    def text(self) -> str:
        return "\n".join("".join(row).rstrip() for row in self.grid)

    @property
    def rows(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.grid]

    def feed(self, data: str) -> None:
        position = 0
        for match in _CONTROL.finditer(data):
            self._print(data[position : match.start()])
            self._control(match)
            position = match.end()
        self._print(data[position:])

    def _print(self, text: str) -> None:
        for char in text:
            if self.pending_wrap:
                self.wrapped += 1
                self.column, self.pending_wrap = 0, False
                self._line_feed()
            self.grid[self.row][self.column] = char
            if self.column == self.columns - 1:
                self.pending_wrap = True
            else:
                self.column += 1

    def _line_feed(self) -> None:
        if self.row == self.lines - 1:
            self.grid = self.grid[1:] + [[" "] * self.columns]
            self.scrolled += 1
        else:
            self.row += 1

    def _control(self, match: re.Match) -> None:
        text = match.group(0)
        self.pending_wrap = False
        if text == "\r":
            self.column = 0
        elif text == "\n":
            self._line_feed()
        elif text == "\b":
            self.column = max(self.column - 1, 0)
        elif text == "\t":
            self.column = min((self.column // 8 + 1) * 8, self.columns - 1)
        elif match.group(2):
            self._csi(match.group(1), match.group(2))

    def _csi(self, parameters: str, final: str) -> None:
        if parameters.startswith("?"):
            return
        numbers = [int(p) if p else 0 for p in parameters.split(";")] if parameters else []
        first = numbers[0] if numbers else 0
        if final in "Hf":
            row, column = (numbers + [1, 1])[:2] if numbers else (1, 1)
            self.row = min(max(row, 1), self.lines) - 1
            self.column = min(max(column, 1), self.columns) - 1
        elif final == "J":
            if first == 2:
                self.grid = [[" "] * self.columns for _ in range(self.lines)]
                self.wrapped = self.scrolled = 0
            elif first == 0:
                self.grid[self.row][self.column :] = [" "] * (self.columns - self.column)
                for row in range(self.row + 1, self.lines):
                    self.grid[row] = [" "] * self.columns
        elif final == "K":
            if first == 0:
                self.grid[self.row][self.column :] = [" "] * (self.columns - self.column)
            elif first == 2:
                self.grid[self.row] = [" "] * self.columns
        elif final == "A":
            self.row = max(self.row - max(first, 1), 0)
        elif final == "B":
            self.row = min(self.row + max(first, 1), self.lines - 1)
        elif final == "C":
            self.column = min(self.column + max(first, 1), self.columns - 1)
        elif final == "D":
            self.column = max(self.column - max(first, 1), 0)


def set_size(fd: int, columns: int, lines: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))


class Terminal:
    """A command running on a pseudo-terminal of `columns` x `lines`, its controlling terminal
    (so resizing it sends SIGWINCH, as a terminal window does)."""

    #: What a program writes last when a screen is whole (watch ends every draw with "erase below").
    SCREEN_END = "\x1b[J"

    def __init__(self, command: list[str], cwd: Path, columns: int = 80, lines: int = 24) -> None:
        master, slave = pty.openpty()
        set_size(slave, columns, lines)
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.master = master
        self.display = Display(columns, lines)
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        #: Everything received, as text (for messages when something never shows up).
        self.received = ""

    def wait_until(self, shown: Callable[[Display], bool], what: str, timeout: float = 180) -> str:
        """Read until a whole screen satisfies `shown`; return the display's text then."""
        deadline = time.monotonic() + timeout
        while True:
            ready, _, _ = select.select([self.master], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise AssertionError(f"{what} never showed; the terminal shows:\n{self.display.text}")
            try:
                data = self.decoder.decode(os.read(self.master, 65536))
            except OSError as error:  # the program ended
                ended = f"{what} never showed; the program ended; it wrote:\n{self.received[-3000:]}"
                raise AssertionError(ended) from error
            self.received += data
            self.display.feed(data)
            if self.received.endswith(self.SCREEN_END) and shown(self.display):
                return self.display.text

    def wait_for(self, text: str, timeout: float = 180) -> str:
        """Read until a whole screen shows `text` (on one line of the display)."""
        return self.wait_until(lambda display: any(text in row for row in display.rows), repr(text), timeout)

    def press(self, key: str) -> None:
        os.write(self.master, key.encode())

    def resize(self, columns: int, lines: int) -> None:
        """Resize the terminal window: the program gets SIGWINCH and should redraw for the new size."""
        set_size(self.master, columns, lines)
        self.display.resize(columns, lines)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        os.close(self.master)
