"""The scorecard of a finished warm-up: each kata solved or not, its time to first green, the total.

A kata counts as solved when its file is solved at the finish and a check saw
it green before the deadline; seen green only after the deadline, it is shown
with its time but not counted. Times come from the warm-up's log of checks,
whose moments come from the injectable clock, so tests can set them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from autokata import course
from autokata.cli.status import SYMBOLS, Standing
from autokata.runner import State
from autokata.warmup.session import Session

HEADER = "Scorecard · warm-up {name} · {count} kata(s) in {limit} · seed {seed}"
ROW = "{symbol} {code}  {title:<56} {result}"
SOLVED_IN = "solved in {time}"
SOLVED_LATE = "solved in {time}, after the deadline"
NOT_SOLVED = "not solved ({state})"
TOTAL = "Total: {solved}/{total} solved in time · {used} used of {limit}"
DATE_FORMAT = "%Y-%m-%d %H:%M"


def duration(seconds: float) -> str:
    """`mm:ss`, minutes going past 59 (`75:10`): a warm-up is measured in minutes."""
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes:02d}:{rest:02d}"


def date(moment: float) -> str:
    return time.strftime(DATE_FORMAT, time.localtime(moment))


@dataclass(frozen=True)
class Line:
    kata: course.Kata
    state: str
    green_after: float | None
    solved: bool


@dataclass(frozen=True)
class Scorecard:
    name: str
    started: float
    limit: float
    used: float
    seed: int
    track: str | None
    lines: tuple[Line, ...]

    @property
    def solved(self) -> int:
        return sum(line.solved for line in self.lines)

    @property
    def total(self) -> int:
        return len(self.lines)


def score(session: Session) -> Scorecard:
    """The scorecard of a finished session (`session.finished` set)."""
    limit = session.minutes * 60.0
    lines = []
    for kata in session.course_katas:
        last = session.last_seen(kata.code)
        state = last.state if last else State.NOT_STARTED.value
        green = session.first_green(kata.code)
        solved = state == State.SOLVED.value and green is not None and green <= limit
        lines.append(Line(kata, state, green, solved))
    used = min(session.finished - session.started, limit)
    return Scorecard(session.name, session.started, limit, used, session.seed, session.track, tuple(lines))


def render(card: Scorecard) -> list[str]:
    rows = [
        ROW.format(
            symbol=SYMBOLS[Standing(line.state)], code=line.kata.code, title=line.kata.title, result=_result(line, card)
        )
        for line in card.lines
    ]
    header = HEADER.format(name=card.name, count=card.total, limit=duration(card.limit), seed=card.seed)
    total = TOTAL.format(solved=card.solved, total=card.total, used=duration(card.used), limit=duration(card.limit))
    return [header, *rows, total]


def _result(line: Line, card: Scorecard) -> str:
    if line.state == State.SOLVED.value and line.green_after is not None:
        return (SOLVED_IN if line.solved else SOLVED_LATE).format(time=duration(line.green_after))
    return NOT_SOLVED.format(state=line.state)


def record(card: Scorecard) -> dict:
    """The scorecard as one line of the history file."""
    return {
        "name": card.name,
        "started": card.started,
        "limit_seconds": card.limit,
        "used_seconds": card.used,
        "seed": card.seed,
        "track": card.track,
        "katas": [
            {"kata": line.kata.code, "solved": line.solved, "seconds": line.green_after if line.solved else None}
            for line in card.lines
        ],
        "solved": card.solved,
        "total": card.total,
    }
