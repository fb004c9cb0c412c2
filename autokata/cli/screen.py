"""The watch screen, drawn whole each time in rustlings' order.

Output (the verdict or the list), hint, done-mark, progress bar, current kata,
keys: the learner's eyes always find the same thing in the same place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autokata import runner
from autokata.course import Kata
from autokata.cli.status import SYMBOLS, KataStatus, Standing

CLEAR = "\x1b[H\x1b[2J\x1b[3J"
VERDICT = "{symbol} {file} · {title} · {state}"
SOLVED_NOTE = "Every check passes. What it taught:"
PROGRESS = "Progress: [{bar}] {solved}/{total}"
CURRENT = "Current kata: {file} · {title}"
BAR_WIDTH = 40


@dataclass
class Screen:
    output: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    done: str = ""
    solved: int = 0
    total: int = 0
    current: str = ""
    keys: str = ""

    def render(self) -> str:
        """The whole screen: cleared, then each non-empty section, a blank line between them."""
        sections = [
            "\n".join(self.output),
            "\n\n".join(self.hints),
            self.done,
            progress_bar(self.solved, self.total),
            self.current,
            self.keys,
        ]
        return CLEAR + "\n\n".join(s for s in sections if s) + "\n"


def verdict_lines(found: KataStatus, file: str) -> list[str]:
    """The verdict header and its message, indented; a solved kata earns its whole lesson."""
    header = VERDICT.format(
        symbol=SYMBOLS[found.standing], file=file, title=found.kata.title, state=found.standing.value
    )
    solved = found.standing is Standing.SOLVED
    message = SOLVED_NOTE + "\n\n" + runner.lesson(found.kata) if solved else found.message
    return [header, *(f"  {line}" for line in message.splitlines())]


def progress_bar(solved: int, total: int, width: int = BAR_WIDTH) -> str:
    """`Progress: [#########>------------]  9/35`, as rustlings draws it."""
    filled = width * solved // total if total else 0
    bar = "#" * filled + (">" if filled < width else "") + "-" * max(width - filled - 1, 0)
    return PROGRESS.format(bar=bar, solved=solved, total=total)


def current_line(kata: Kata, file: str) -> str:
    return CURRENT.format(file=file, title=kata.title)
