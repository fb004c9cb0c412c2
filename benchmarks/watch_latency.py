"""How long after a save `autokata watch` shows the verdict, against a cold `pytest` of the same kata.

Runs `autokata watch` on a pseudo-terminal in a temporary copy of the course,
as a learner would, and saves kata 01 again and again, alternating wrong
answers (tests/mutants/01_embeddings/) with the solution; every save has new
content, so no verdict comes from the cache. The time counted runs from the
write to the verdict line on the screen. Target: median <= 0.5 s.

    python benchmarks/watch_latency.py [--saves 10]
"""

from __future__ import annotations

import argparse
import itertools
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autokata import course
from autokata.cli import screen, status, watch

ROOT = Path(__file__).resolve().parent.parent
KATA = course.find("01")
FILE = f"katas/{KATA.filename}"
SOLUTION = ROOT / "solutions" / KATA.filename
WRONG_ANSWERS = sorted((ROOT / "tests" / "mutants" / "01_embeddings").glob("*.py"))
TARGET_SECONDS = 0.5


def verdict_line(state: status.Standing) -> bytes:
    line = screen.VERDICT.format(symbol=status.SYMBOLS[state], file=FILE, title=KATA.title, state=state.value)
    return line.encode()


class Watch:
    """`autokata watch` on a pseudo-terminal."""

    def __init__(self, folder: Path) -> None:
        master, slave = pty.openpty()
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
                raise TimeoutError(f"{text!r} never appeared:\n{self.unread.decode()[-2000:]}")
            self.unread += os.read(self.master, 65536)
        arrived = time.monotonic()
        self.unread = self.unread[self.unread.index(text) + len(text) :]
        return arrived

    def quit(self) -> None:
        os.write(self.master, watch.QUIT_KEY.encode())
        self.process.wait(timeout=30)
        os.close(self.master)


def save_to_verdict(saves: int) -> list[tuple[str, float, float]]:
    """Per save: what was saved, seconds from the write to "Checking…" and to the verdict on screen."""
    with tempfile.TemporaryDirectory(prefix="autokata-bench-") as folder:
        course_dir = Path(folder)
        (course_dir / "katas").mkdir()
        kata_file = course_dir / FILE
        kata_file.write_bytes((ROOT / FILE).read_bytes())
        running = Watch(course_dir)
        running.wait_for(watch.KEYS.encode())
        plan = itertools.cycle(itertools.chain.from_iterable((w, SOLUTION) for w in WRONG_ANSWERS))
        timings = []
        for number in range(saves + 1):  # the first save is not timed: it waits for the warm-up
            source = next(plan)
            expected = status.Standing.SOLVED if source == SOLUTION else status.Standing.FAILING
            content = source.read_bytes() + f"\n# save {number}\n".encode()  # new content: no cached verdict
            saved = time.monotonic()
            kata_file.write_bytes(content)
            noticed = running.wait_for(watch.CHECKING.format(file=FILE).encode()) - saved
            seconds = running.wait_for(verdict_line(expected)) - saved
            running.wait_for(watch.KEYS.encode())
            if number:
                timings.append(("solution" if source == SOLUTION else f"wrong: {source.stem}", noticed, seconds))
        running.quit()
    return timings


def cold_pytest_seconds() -> float:
    """A learner's other way to check: a fresh `pytest katas/01_embeddings.py` (solved, warm zoo cache)."""
    with tempfile.TemporaryDirectory(prefix="autokata-bench-") as folder:
        (Path(folder) / "katas").mkdir()
        (Path(folder) / FILE).write_bytes(SOLUTION.read_bytes())
        started = time.monotonic()
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", FILE]
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
        return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10, help="how many timed saves (default: 10)")
    timings = save_to_verdict(parser.parse_args().saves)
    for what, noticed, seconds in timings:
        print(f"  {seconds:6.3f} s  {what} (save noticed after {noticed:.3f} s)")
    median = statistics.median(seconds for _, _, seconds in timings)
    solved = statistics.median(seconds for what, _, seconds in timings if what == "solution")
    wrong = statistics.median(seconds for what, _, seconds in timings if what != "solution")
    noticed = statistics.median(noticed for _, noticed, _ in timings)
    cold = cold_pytest_seconds()
    print(f"watch, save -> verdict: median {median:.3f} s (solution {solved:.3f} s, wrong answers {wrong:.3f} s;")
    print(f"  the save is on screen as checking after {noticed:.3f} s)")
    print(f"cold `pytest {FILE}` (solved): {cold:.3f} s")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("target met" if median <= TARGET_SECONDS else f"target missed: median > {TARGET_SECONDS} s")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
