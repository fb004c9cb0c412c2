"""The scorecard of a finished warm-up: each kata solved or not, its time to first green, the total.

A kata counts as solved when its file is solved at the finish and a check saw
it green before the deadline; seen green only after the deadline, it is shown
with its time but not counted. Times come from the warm-up's log of checks,
whose moments come from the injectable clock, so tests can set them.

A warm-up measures what the learner knows, so help is recorded, not forbidden:
per kata the failing runs before green, the highest hint level shown, whether
the lesson was read (`explain`) or the solution seen (`solution --force`). The
headline figure is the katas solved in time *without* any of that help.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from autokata import course
from autokata.cli.status import SYMBOLS, Standing
from autokata.runner import State
from autokata.warmup.session import EXPLAIN, HINT, SOLUTION, Session

HEADER = "Scorecard · warm-up {name} · {count} kata(s) in {limit} · seed {seed}"
ROW = "{symbol} {code}  {title:<46} {result:<30} {runs:>4}  {helped}"
COLUMNS = "   {code:<4}{title:<46} {result:<30} {runs:>4}  {helped}"
SOLVED_IN = "solved in {time}"
SOLVED_LATE = "solved in {time}, after the deadline"
NOT_SOLVED = "not solved ({state})"
TOTAL = "Total: {solved}/{total} solved in time · {used} used of {limit}"
HEADLINE = "Solved without hints: {unaided}/{total}"
NO_HELP = "no hints"
HINT_LEVEL = "hint {level}"
READ_LESSON = "read the lesson"
SAW_SOLUTION = "saw the solution"
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
    failing_runs: int = 0
    hint_level: int = 0
    explained: bool = False
    saw_solution: bool = False

    @property
    def helped(self) -> bool:
        return bool(self.hint_level or self.explained or self.saw_solution)

    @property
    def help_text(self) -> str:
        taken = [HINT_LEVEL.format(level=self.hint_level)] if self.hint_level else []
        taken += [READ_LESSON] if self.explained else []
        taken += [SAW_SOLUTION] if self.saw_solution else []
        return ", ".join(taken) or NO_HELP


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

    @property
    def unaided(self) -> int:
        """Solved in time with no hint, lesson or solution shown: the figure a warm-up is for."""
        return sum(line.solved and not line.helped for line in self.lines)


def score(session: Session) -> Scorecard:
    """The scorecard of a finished session (`session.finished` set)."""
    limit = session.minutes * 60.0
    lines = []
    for kata in session.course_katas:
        last = session.last_seen(kata.code)
        state = last.state if last else State.NOT_STARTED.value
        green = session.first_green(kata.code)
        solved = state == State.SOLVED.value and green is not None and green <= limit
        helps = session.help_taken(kata.code)
        lines.append(
            Line(
                kata,
                state,
                green,
                solved,
                failing_runs=session.failing_runs(kata.code),
                hint_level=max((h.level for h in helps if h.kind == HINT), default=0),
                explained=any(h.kind == EXPLAIN for h in helps),
                saw_solution=any(h.kind == SOLUTION for h in helps),
            )
        )
    used = min(session.finished - session.started, limit)
    return Scorecard(session.name, session.started, limit, used, session.seed, session.track, tuple(lines))


def render(card: Scorecard) -> list[str]:
    rows = [
        ROW.format(
            symbol=SYMBOLS[Standing(line.state)],
            code=line.kata.code,
            title=line.kata.title,
            result=_result(line, card),
            runs=line.failing_runs,
            helped=line.help_text,
        )
        for line in card.lines
    ]
    header = HEADER.format(name=card.name, count=card.total, limit=duration(card.limit), seed=card.seed)
    columns = COLUMNS.format(code="kata", title="", result="result", runs="fails", helped="help taken")
    total = TOTAL.format(solved=card.solved, total=card.total, used=duration(card.used), limit=duration(card.limit))
    return [header, HEADLINE.format(unaided=card.unaided, total=card.total), columns, *rows, total]


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
            {
                "kata": line.kata.code,
                "solved": line.solved,
                "seconds": line.green_after if line.solved else None,
                "failing_runs": line.failing_runs,
                "hint_level": line.hint_level,
                "explained": line.explained,
                "saw_solution": line.saw_solution,
            }
            for line in card.lines
        ],
        "solved": card.solved,
        "solved_without_hints": card.unaided,
        "total": card.total,
    }
