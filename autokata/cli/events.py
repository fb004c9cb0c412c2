"""What `watch` waits for, as file descriptors one select() can wait on together.

Saved kata files come from watchfiles, which blocks, so it runs in a thread
that writes each saved file's name into a pipe. Keys come from the terminal
in cbreak mode (one key at a time, no Enter needed, Ctrl-C still works).
Terminal resizes come from SIGWINCH, whose handler writes into a pipe too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios
import threading
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import watchfiles

from autokata import course

#: How long a file must stay quiet after a change before it counts as saved (ms).
SETTLE_MS = 30


class Saves:
    """Names of kata files saved in a folder, readable whenever select() says so."""

    def __init__(self, reader: int) -> None:
        self.reader = reader
        self._partial = b""

    def fileno(self) -> int:
        return self.reader

    def names(self) -> list[str]:
        """The kata file names saved since the last call, each once, in the order first saved."""
        data = self._partial + os.read(self.reader, 65536)
        *complete, self._partial = data.split(b"\n")
        return list(dict.fromkeys(name.decode() for name in complete))


def _is_kata_save(change: watchfiles.Change, path: str) -> bool:
    return change is not watchfiles.Change.deleted and course.kata_for_file(Path(path).name) is not None


@contextmanager
def saves(folder: Path) -> Iterator[Saves]:
    """Watch `folder` for saved kata files until the block ends."""
    reader, writer = os.pipe()
    stop = threading.Event()

    def forward() -> None:
        for changes in watchfiles.watch(
            folder, watch_filter=_is_kata_save, step=SETTLE_MS, stop_event=stop, recursive=False
        ):
            os.write(writer, b"".join(Path(path).name.encode() + b"\n" for _, path in sorted(changes)))

    thread = threading.Thread(target=forward, name="autokata-watch", daemon=True)
    thread.start()
    try:
        yield Saves(reader)
    finally:
        stop.set()
        thread.join()
        os.close(reader)
        os.close(writer)


class Keys:
    """Keys pressed in the terminal."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd

    def pressed(self) -> str:
        return os.read(self.fd, 64).decode(errors="ignore")


@contextmanager
def keys() -> Iterator[Keys | None]:
    """Single keys from stdin while the block runs; None when stdin is not a terminal."""
    if not sys.stdin.isatty():
        yield None
        return
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    try:
        yield Keys(fd)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


class Resizes:
    """Terminal resizes (SIGWINCH), readable whenever select() says so."""

    def __init__(self, reader: int) -> None:
        self.reader = reader

    def fileno(self) -> int:
        return self.reader

    def drain(self) -> None:
        """Forget the resizes seen so far (one redraw answers them all)."""
        with contextlib.suppress(BlockingIOError):
            os.read(self.reader, 4096)


@contextmanager
def resizes() -> Iterator[Resizes]:
    """Each resize of the terminal while the block runs, as a byte in a pipe (the signal handler
    only writes it: select() wakes up and the redraw happens outside the handler)."""
    reader, writer = os.pipe()
    os.set_blocking(reader, False)
    os.set_blocking(writer, False)

    def resized(signum, frame) -> None:
        with contextlib.suppress(BlockingIOError):
            os.write(writer, b"\0")

    previous = signal.signal(signal.SIGWINCH, resized)
    try:
        yield Resizes(reader)
    finally:
        signal.signal(signal.SIGWINCH, previous)
        os.close(reader)
        os.close(writer)
