"""How long after a save `autokata watch` shows the verdict, kata by kata, against a cold `pytest`.

Runs one `autokata watch` on a pseudo-terminal in a temporary course folder, as
a learner would, and saves the reference solution of each kata in turn: once
untimed (the kata becomes current and watch warms it, as it does when a
learner reaches it), then SAVES times. Every save has new content (a comment
is appended), so no verdict comes from the verdict store. The time counted
runs from the write to the verdict line on the screen. Between saves the
benchmark waits until watch is idle (it sends SIGWINCH and waits for the
redraw), so no save waits behind the warming of the next kata.
Target: median <= 0.5 s for every kata.

    python benchmarks/watch_latency.py [--saves 5] [--kata 01 --kata 12 ...]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from autokata import course
from autokata.cli import screen, status, watch

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.5


def solved_katas() -> list[course.Kata]:
    """Every kata with a reference solution in solutions/, in course order."""
    return [kata for kata in course.KATAS if (ROOT / "solutions" / kata.filename).is_file()]


def shown_file(kata: course.Kata) -> str:
    return f"katas/{kata.filename}"


def verdict_line(kata: course.Kata, state: status.Standing) -> bytes:
    symbol = status.SYMBOLS[state]
    return screen.VERDICT.format(symbol=symbol, file=shown_file(kata), title=kata.title, state=state.value).encode()


class Watch:
    """`autokata watch` on a pseudo-terminal."""

    def __init__(self, folder: Path) -> None:
        master, slave = pty.openpty()
        # Wide enough that no verdict headline wraps (watch draws to the terminal's size).
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "autokata.cli", "watch"], cwd=folder, stdin=slave, stdout=slave, stderr=slave
        )
        os.close(slave)
        self.master, self.unread = master, b""

    def wait_for(self, text: bytes, timeout: float = 300) -> float:
        """Read the screen until `text` shows; return the moment it did."""
        deadline = time.monotonic() + timeout
        while text not in self.unread:
            ready, _, _ = select.select([self.master], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                raise TimeoutError(f"{text!r} never appeared:\n{self.unread.decode(errors='replace')[-2000:]}")
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: watch has exited
                chunk = b""
            if not chunk:
                raise RuntimeError(f"watch ended before {text!r}:\n{self.unread.decode(errors='replace')[-2000:]}")
            self.unread += chunk
        arrived = time.monotonic()
        self.unread = self.unread[self.unread.index(text) + len(text) :]
        return arrived

    def idle(self) -> None:
        """Return once watch has finished what it was doing: a resize makes it redraw when it can."""
        self.wait_for(watch.KEYS.encode())  # the end of the screen drawn last
        os.kill(self.process.pid, signal.SIGWINCH)
        self.wait_for(watch.KEYS.encode())

    def quit(self) -> None:
        try:
            os.write(self.master, watch.QUIT_KEY.encode())
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.master)


def save_to_verdict(katas: list[course.Kata], saves: int) -> dict[str, list[float]]:
    """Seconds from the write of each kata's solution to its verdict on screen, `saves` per kata."""
    with tempfile.TemporaryDirectory(prefix="autokata-bench-") as folder:
        course_dir = Path(folder)
        (course_dir / "katas").mkdir()
        first = katas[0]
        (course_dir / shown_file(first)).write_bytes((ROOT / shown_file(first)).read_bytes())  # its stub
        running = Watch(course_dir)
        timings: dict[str, list[float]] = {}
        try:
            running.idle()  # the first screen drawn, and the first kata warmed
            for kata in katas:
                solution = (ROOT / "solutions" / kata.filename).read_bytes()
                kata_file = course_dir / shown_file(kata)
                timings[kata.code] = []
                for number in range(saves + 1):  # the first save is not timed: watch warms the kata
                    content = solution + f"\n# benchmark save {number}\n".encode()  # new: no stored verdict
                    saved = time.monotonic()
                    kata_file.write_bytes(content)
                    running.wait_for(screen.CHECKING.format(file=shown_file(kata), title=kata.title).encode())
                    seconds = running.wait_for(verdict_line(kata, status.Standing.SOLVED)) - saved
                    running.idle()
                    if number:
                        timings[kata.code].append(seconds)
        finally:
            running.quit()
    return timings


def cold_pytest_seconds(kata: course.Kata) -> float:
    """A learner's other way to check: a fresh `pytest katas/NN_slug.py` (solved, warm zoo cache)."""
    with tempfile.TemporaryDirectory(prefix="autokata-bench-") as folder:
        (Path(folder) / "katas").mkdir()
        (Path(folder) / shown_file(kata)).write_bytes((ROOT / "solutions" / kata.filename).read_bytes())
        started = time.monotonic()
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", shown_file(kata)]
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
        return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=5, help="timed saves per kata (default: 5)")
    parser.add_argument("--kata", action="append", metavar="NN", help="only this kata (repeat; default: every kata)")
    options = parser.parse_args()
    katas = [course.find(code) for code in options.kata] if options.kata else solved_katas()
    timings = save_to_verdict(katas, options.saves)
    medians = {code: statistics.median(seconds) for code, seconds in timings.items()}
    for kata in katas:
        samples = " ".join(f"{s:.3f}" for s in timings[kata.code])
        print(f"  {kata.code}  median {medians[kata.code]:6.3f} s  ({samples})")
    worst = max(medians, key=medians.get)
    print(f"watch, save -> verdict: worst median {medians[worst]:.3f} s (kata {worst})")
    cold = cold_pytest_seconds(katas[0])
    print(f"cold `pytest {shown_file(katas[0])}` (solved): {cold:.3f} s")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    missed = sorted(code for code, seconds in medians.items() if seconds > TARGET_SECONDS)
    print("target met" if not missed else f"target missed (median > {TARGET_SECONDS} s): {', '.join(missed)}")
    return 0 if not missed else 1


if __name__ == "__main__":
    raise SystemExit(main())
