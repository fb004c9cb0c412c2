"""What `check`, `hint` and `explain` show: rich HTML in a notebook, plain text anywhere else.

Each result is a small object with `_repr_html_` (Jupyter and Colab render it
as the cell's output) and `__repr__` (a terminal, a doctest, the text/plain
half of a notebook output). A verdict shows the kata's state, the check's
lesson, the values the check drew (the `name: value` lines under a lesson,
as a table) and what to do next.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

SOLVED, FAILING, NOT_STARTED = "solved", "failing", "not started"
SYMBOLS = {SOLVED: "✓", FAILING: "✗", NOT_STARTED: "○"}
COLOURS = {SOLVED: "#1a7f37", FAILING: "#cf222e", NOT_STARTED: "#6e7781"}
HEADLINE = "{symbol} Kata {code} · {title}: {state}"
PASSED = "{passed}/{total} checks pass"
NEXT_STEP = {
    SOLVED: 'Well done. The whole story: `autokata.explain("{code}")`.',
    FAILING: 'Stuck? `autokata.hint("{code}")`; the whole story: `autokata.explain("{code}")`.',
    NOT_STARTED: (
        "Replace the TODO in the kata's code cell, run that cell, then check again. "
        'Stuck? `autokata.hint("{code}")`.'
    ),
}
CODE_CHECKED = "The code checked ({file}, built from your notebook)"
HINT_HEADER = "Hint {level}/{count} · kata {code} · {title}"
HINT_MORE = 'Still stuck? `autokata.hint("{code}")` again shows the next hint.'
HINT_LAST = 'That was the last hint. `autokata.explain("{code}")` tells the whole lesson.'
LESSON_HEADER = "Lesson · kata {code} · {title}"
#: A value line under a lesson, as the checks' `fail(..., drawn=...)` writes it.
_SHOWN_LINE = re.compile(r"^  (\S[^:]*):\s+(.*)$")
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class CheckResult:
    """A kata's verdict on the notebook's functions, as the judge gave it."""

    kata: str
    title: str
    state: str
    message: str = ""
    checks: tuple[dict, ...] = ()
    source: str = field(default="", repr=False)
    file: str = ""

    @property
    def solved(self) -> bool:
        return self.state == SOLVED

    @property
    def passed(self) -> int:
        return sum(1 for check in self.checks if check.get("state") == SOLVED)

    def headline(self) -> str:
        symbol = SYMBOLS.get(self.state, SYMBOLS[FAILING])
        return HEADLINE.format(symbol=symbol, code=self.kata, title=self.title, state=self.state)

    def lesson_and_values(self) -> tuple[str, list[tuple[str, str]], str]:
        """The message split into its lesson, the drawn values under it, and any other text (a trace)."""
        lines = self.message.splitlines()
        lesson_end = next((i for i, line in enumerate(lines) if line.startswith("  ")), len(lines))
        lesson = "\n".join(lines[:lesson_end]).strip()
        rest = lines[lesson_end:]
        matches = [_SHOWN_LINE.match(line) for line in rest]
        if rest and all(matches):
            return lesson, [(m.group(1).strip(), m.group(2)) for m in matches if m], ""
        return lesson, [], "\n".join(rest)

    def __repr__(self) -> str:
        parts = [self.headline()]
        if self.checks:
            parts[0] += f" ({PASSED.format(passed=self.passed, total=len(self.checks))})"
        if self.message:
            parts.append(self.message)
        parts.append(NEXT_STEP.get(self.state, NEXT_STEP[FAILING]).format(code=self.kata))
        return "\n\n".join(parts)

    def _repr_html_(self) -> str:
        colour = COLOURS.get(self.state, COLOURS[FAILING])
        lesson, values, other = self.lesson_and_values()
        parts = [
            f'<div class="autokata-verdict" data-state="{_e(self.state)}" style="border-left:4px solid {colour};'
            'padding:0.4em 0.8em;margin:0.2em 0">',
            f'<div style="font-weight:bold;color:{colour}">{_e(self.headline())}</div>',
        ]
        if self.checks:
            passed = PASSED.format(passed=self.passed, total=len(self.checks))
            parts.append(f'<div style="color:#57606a">{_e(passed)}</div>')
        if lesson:
            parts.append(f'<p class="autokata-lesson">{_prose(lesson)}</p>')
        if values:
            rows = "".join(
                f'<tr><th style="text-align:left;padding-right:1em">{_e(key)}</th>'
                f"<td><code>{_e(value)}</code></td></tr>"
                for key, value in values
            )
            parts.append(f'<table class="autokata-values">{rows}</table>')
        if other:
            parts.append(f"<pre>{_e(other)}</pre>")
        parts.append(f"<p>{_prose(NEXT_STEP.get(self.state, NEXT_STEP[FAILING]).format(code=self.kata))}</p>")
        if self.source:
            parts.append(
                f"<details><summary>{_e(CODE_CHECKED.format(file=self.file))}</summary>"
                f"<pre>{_e(_numbered(self.source))}</pre></details>"
            )
        parts.append("</div>")
        return "\n".join(parts)


@dataclass(frozen=True)
class Hints:
    """One or more hint levels of a kata."""

    kata: str
    title: str
    levels: tuple[tuple[int, str], ...]
    count: int

    def _closing(self) -> str:
        last = self.levels[-1][0] if self.levels else 0
        return (HINT_MORE if last < self.count else HINT_LAST).format(code=self.kata)

    def __repr__(self) -> str:
        shown = [
            HINT_HEADER.format(level=level, count=self.count, code=self.kata, title=self.title) + "\n" + text
            for level, text in self.levels
        ]
        return "\n\n".join([*shown, self._closing()])

    def _repr_html_(self) -> str:
        parts = ['<div class="autokata-hint">']
        for level, text in self.levels:
            header = HINT_HEADER.format(level=level, count=self.count, code=self.kata, title=self.title)
            parts.append(f"<p><b>{_e(header)}</b><br>{_prose(text)}</p>")
        parts.append(f"<p>{_prose(self._closing())}</p></div>")
        return "\n".join(parts)


@dataclass(frozen=True)
class Lesson:
    """A kata's whole lesson, as `autokata explain` tells it."""

    kata: str
    title: str
    text: str

    def header(self) -> str:
        return LESSON_HEADER.format(code=self.kata, title=self.title)

    def __repr__(self) -> str:
        return self.header() + "\n\n" + self.text

    def _repr_html_(self) -> str:
        paragraphs = "".join(f"<p>{_prose(p)}</p>" for p in re.split(r"\n\s*\n", self.text) if p.strip())
        return f'<div class="autokata-lesson"><p><b>{_e(self.header())}</b></p>{paragraphs}</div>'


def _numbered(source: str) -> str:
    """Source with line numbers, as a crash's trace names them."""
    return "\n".join(f"{number:>3}  {line}" for number, line in enumerate(source.splitlines(), 1))


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _prose(text: str) -> str:
    """Plain text as HTML: escaped, `code` spans kept as code, line breaks kept."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", _e(text)).replace("\n", "<br>")
