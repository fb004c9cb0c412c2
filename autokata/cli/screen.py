"""The watch screen, drawn whole each time in rustlings' order, to the terminal's size.

Output (the verdict or the list), hint, done-mark, progress bar, current kata,
keys: the learner's eyes always find the same thing in the same place. Every
line is wrapped to the terminal's width at word boundaries (a word longer than
a whole line is the only thing ever cut), and the screen never grows past the
terminal's height, so nothing scrolls away: the verdict's headline stays on
top and the progress bar, current kata and keys at the bottom. What does not
fit in between (a long lesson, a message under three hints) is cut with a note
that `m` shows the rest, page by page.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass, field

from autokata import runner
from autokata.cli.status import SYMBOLS, KataStatus, Standing
from autokata.course import Kata

#: Cursor home, clear the screen and the scrollback: nothing of the previous screen stays.
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
#: Cursor home only: a redraw of the same screen (the live line ticking) without a flash.
HOME = "\x1b[H"
ERASE_TO_END_OF_LINE = "\x1b[K"
ERASE_BELOW = "\x1b[J"
VERDICT = "{symbol} {file} · {title} · {state}"
SOLVED_NOTE = "Every check passes. What it taught:"
CHECKING = "⋯ {file} · {title} · checking…"
LIVE = "checking {checked}/{total} · {elapsed:.1f} s · {left:.0f} s left before the time limit"
PROGRESS = "Progress: [{bar}] {solved}/{total}"
CURRENT = "Current kata: {file} · {title}"
HINT = "Hint {level}/{count}: {text}"
MORE = "… (press `m` for more)"
PAGE = "… (page {page}/{pages}: press `m` for the next page)"
LAST_PAGE = "(page {page}/{pages}: press `m` to go back)"
#: The same notes for a narrow terminal.
PAGE_SHORT = "… page {page}/{pages} (`m`: next)"
LAST_PAGE_SHORT = "page {page}/{pages} (`m`: back)"
BAR_WIDTH = 40
#: Lines of the output kept above the hints when both cannot fit whole.
OUTPUT_KEPT_UNDER_HINTS = 3
#: A hard-wrapped paragraph line is at least this long; shorter lines end on purpose.
WRAPPED_LINE = 60
#: The smallest terminal drawn for (a smaller one gets this layout, cut by the terminal).
SMALLEST = (30, 10)
_BULLET = re.compile(r"(?:[-*•]|\d+[.)])\s")


@dataclass
class Screen:
    """One screen: `headline` always shown; `body` (the output under it) and the hints cut to fit."""

    headline: str = ""
    body: list[str] = field(default_factory=list)
    #: The body is prose to reflow and wrap (a verdict); else lines to keep as they are (a table).
    prose: bool = True
    hints: list[str] = field(default_factory=list)
    done: str = ""
    solved: int = 0
    total: int = 0
    current: str = ""
    keys: str = ""
    #: None: the body and hints cut to fit; k: page k (from 0) of their whole text.
    page: int | None = None

    def lines(self, width: int, height: int) -> list[str]:
        """The screen as at most `height` lines of at most `width - 1` characters (the last column
        stays free, so no terminal wraps a line on its own)."""
        width, height = _usable(width, height)
        head, tail, room = self._frame(width, height)
        drawn = head + (self._middle(width, room) if room > 0 else []) + tail
        return drawn[1:] if drawn[:1] == [""] else drawn

    def pages(self, width: int, height: int) -> int:
        """How many pages `m` shows the whole text in (1 when it all fits the screen as it is)."""
        width, height = _usable(width, height)
        _, _, room = self._frame(width, height)
        whole = self._whole(width)
        return 1 if len(whole) <= room or room < 2 else math.ceil(len(whole) / (room - 1))

    def render(self, width: int, height: int, clear: bool = True) -> str:
        """The screen as written to the terminal: cleared (or overwritten in place), line by line."""
        drawn = [line + ERASE_TO_END_OF_LINE for line in self.lines(width, height)]
        return (CLEAR if clear else HOME) + "\n".join(drawn) + ERASE_BELOW

    # --- the frame: headline on top, done-mark to keys at the bottom, `room` lines between ------

    def _frame(self, width: int, height: int) -> tuple[list[str], list[str], int]:
        """The headline and the bottom sections, and the lines left between them. A terminal too
        small for all of it loses the blank lines at the bottom first, then the headline's end."""
        head = fit(self.headline, width) if self.headline else []
        bar = progress_bar(self.solved, self.total, max(min(BAR_WIDTH, width - 20), 5))
        sections = [fit(self.done, width), [bar], fit(self.current, width), fit(self.keys, width)]
        tail = [line for section in sections if any(section) for line in ["", *section]]
        if len(head) + len(tail) >= height:
            tail = [line for line in tail if line]
            head = head[: max(height - len(tail) - 1, 1)]
        return head, tail, height - len(head) - len(tail)

    def _body(self, width: int) -> list[str]:
        if self.prose:
            return fit("\n".join(self.body), width, reflow=True, hanging=0)
        return [piece for line in self.body for piece in fit(line, width)]

    def _hints(self, width: int) -> list[list[str]]:
        return [fit(text, width) for text in self.hints]

    def _whole(self, width: int) -> list[str]:
        """The body then each hint, a blank line before each hint."""
        whole = self._body(width)
        for hint in self._hints(width):
            whole += ["", *hint]
        return whole

    def _middle(self, width: int, room: int) -> list[str]:
        whole = self._whole(width)
        if self.page is None and len(whole) <= room:
            return whole
        if self.page is not None and room >= 2:
            size = max(room - 1, 1)
            pages = max(math.ceil(len(whole) / size), 1)
            page = min(self.page, pages - 1)
            shown = whole[page * size : (page + 1) * size]
            last = page == pages - 1
            note = (LAST_PAGE if last else PAGE).format(page=page + 1, pages=pages)
            if len(note) > width:
                note = (LAST_PAGE_SHORT if last else PAGE_SHORT).format(page=page + 1, pages=pages)
            return [*shown, note]
        return self._cut(width, room)

    def _cut(self, width: int, room: int) -> list[str]:
        """The body's start, the note, then as many of the newest hints as fit (the newest whole if
        it can be): the learner pressed `h` for the newest hint, and the headline says the verdict."""
        body, hints = self._body(width), self._hints(width)
        room -= 1  # the note
        kept_hints: list[str] = []
        if hints:
            hint_room = room - min(len(body), OUTPUT_KEPT_UNDER_HINTS)
            for hint in reversed(hints):
                block = ["", *hint]
                if len(block) + len(kept_hints) <= hint_room:
                    kept_hints = block + kept_hints
                elif not kept_hints and hint_room >= 3:  # even the newest hint alone is too long: its start
                    kept_hints = [*block[: hint_room - 1], "  …"]
                    break
                else:
                    break
        shown_body = body[: max(room - len(kept_hints), 0)]
        return [*shown_body, MORE, *kept_hints][: room + 1]


def _usable(width: int, height: int) -> tuple[int, int]:
    return max(width, SMALLEST[0]) - 1, max(height, SMALLEST[1])


def fit(text: str, width: int, reflow: bool = False, hanging: int = 2) -> list[str]:
    """`text` wrapped to `width` at word boundaries, each line keeping its indentation (its
    continuation lines `hanging` more); with `reflow`, hard-wrapped paragraphs are joined first."""
    lines = []
    for line in reflowed(text) if reflow else text.splitlines():
        indent = _indent(line)
        if len(indent) > width // 2:
            indent = indent[: width // 2]
        lines += textwrap.wrap(
            line.strip(),
            width,
            initial_indent=indent,
            subsequent_indent=indent + " " * hanging,
            break_on_hyphens=False,
        ) or [""]
    return lines


def reflowed(text: str) -> list[str]:
    """The text's lines, with paragraph lines that were wrapped by hand joined again.

    A line joins the one before it when that one is long (it was wrapped, not
    ended) and ends in no colon, and this one is more prose of the same
    paragraph: indented alike (not code or expected/got details indented
    deeper), not a bullet, not blank.
    """
    lines: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        previous = lines[-1] if lines else ""
        indent = _indent(line)
        joins = (
            len(previous.strip()) >= WRAPPED_LINE
            and not previous.endswith(":")
            and line.strip()
            and indent == _indent(previous)
            and not _BULLET.match(line.strip())
        )
        if joins:
            lines[-1] = previous + " " + line.strip()
        else:
            lines.append(line)
    return lines


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def terminal_size() -> tuple[int, int]:
    """The terminal's (columns, lines) now, read from the terminal itself (the environment's
    COLUMNS and LINES only when there is no terminal)."""
    for stream in (sys.stdout, sys.stdin, sys.stderr):
        try:
            size = os.get_terminal_size(stream.fileno())
        except (OSError, ValueError, AttributeError):
            continue
        if size.columns and size.lines:
            return size.columns, size.lines
    size = shutil.get_terminal_size()
    return size.columns, size.lines


def verdict_headline(found: KataStatus, file: str) -> str:
    return VERDICT.format(symbol=SYMBOLS[found.standing], file=file, title=found.kata.title, state=found.standing.value)


def verdict_body(found: KataStatus) -> list[str]:
    """The verdict's message, indented; a solved kata earns its whole lesson."""
    solved = found.standing is Standing.SOLVED
    message = SOLVED_NOTE + "\n\n" + runner.lesson(found.kata) if solved else found.message
    return [f"  {line}" if line else "" for line in message.splitlines()]


def progress_bar(solved: int, total: int, width: int = BAR_WIDTH) -> str:
    """`Progress: [#########>------------]  9/35`, as rustlings draws it."""
    filled = width * solved // total if total else 0
    bar = "#" * filled + (">" if filled < width else "") + "-" * max(width - filled - 1, 0)
    return PROGRESS.format(bar=bar, solved=solved, total=total)


def hint_lines(kata: Kata, shown: int) -> list[str]:
    """The hints seen so far, each on its own (the headline and current kata already name the kata)."""
    hints = runner.hints(kata)
    return [HINT.format(level=level, count=len(hints), text=hints[level - 1]) for level in range(1, shown + 1)]


def current_line(kata: Kata, file: str) -> str:
    return CURRENT.format(file=file, title=kata.title)
