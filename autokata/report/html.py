"""The gradebook picture: `autokata report --html grades.html`.

One self-contained HTML file (its styles inline, nothing fetched): a heat map
with a row per learner and a column per kata, each cell coloured by the kata's
state, the check's lesson and the row's flags shown on hover (the cell's
title); each learner's total at the end of the row, each kata's solve rate at
the foot of its column. It opens from a disk, an e-mail or a course page alike.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from autokata import course
from autokata.judge.sandbox import Fence
from autokata.report import flags as flagging
from autokata.report.formats import FLAG_MARK, SYMBOLS, flag_lines
from autokata.report.results import MISSING, TIMEOUT, LearnerResult
from autokata.runner import State

TITLE = "autokata gradebook"
#: A cell's colour per state (CSS classes are the state with spaces as dashes).
COLOURS = {
    State.SOLVED.value: "#2e9d4f",
    State.FAILING.value: "#d64541",
    State.NOT_STARTED.value: "#e9c46a",
    MISSING: "#c9ccd1",
    TIMEOUT: "#7b4fb3",
}
SOLVE_RATE = "solve rate"
SOLVED_HEADER = "solved"
LEARNER_HEADER = "learner"
SEED_NOTE = "Examples drawn from grading seed {seed}, not the learners' own draws."

_STYLE = """
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #1d2330; }
h1 { font-size: 1.4em; margin: 0 0 .2em; }
.meta { color: #5b6475; margin: 0 0 1em; }
table { border-collapse: separate; border-spacing: 2px; }
th { font-weight: 600; padding: 2px 6px; }
thead th.kata { writing-mode: vertical-rl; transform: rotate(180deg); font-variant-numeric: tabular-nums; }
tbody th { text-align: left; white-space: nowrap; }
td.cell { width: 1.8em; height: 1.8em; text-align: center; color: #fff; border-radius: 3px; cursor: help; }
td.cell.flagged { outline: 3px solid #1d2330; outline-offset: -3px; }
td.total, td.rate { text-align: right; padding: 2px 6px; font-variant-numeric: tabular-nums; border-radius: 3px; }
ul.legend { list-style: none; padding: 0; display: flex; gap: 1em; flex-wrap: wrap; }
ul.legend span { display: inline-block; width: 1em; height: 1em; border-radius: 2px; vertical-align: middle; }
#flags li { margin: .2em 0; }
"""


def page(
    learners: list[LearnerResult],
    katas: list[course.Kata],
    generated_at: str,
    fence: Fence | None = None,
    seed: int | None = None,
) -> str:
    """The whole gradebook as one HTML document."""
    css = _STYLE + "".join(
        f"td.cell.{_css(state)}, ul.legend span.{_css(state)} {{ background: {colour}; }}\n"
        for state, colour in COLOURS.items()
    )
    meta = [f"Generated {escape(generated_at)}", f"{len(learners)} learner(s)", f"{len(katas)} kata(s)"]
    if seed is not None:
        meta.append(escape(SEED_NOTE.format(seed=seed)))
    if fence is not None and fence.missing:
        meta.append(escape("Not available on this machine: " + ", ".join(fence.missing)))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{TITLE}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<h1>{TITLE}</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
        '<table id="gradebook">',
        "<thead><tr>",
        f'<th class="corner">{LEARNER_HEADER}</th>',
        *(
            f'<th class="kata" scope="col" data-kata="{kata.code}" title="{_attr(f"{kata.code} · {kata.title}")}">'
            f"{kata.code}</th>"
            for kata in katas
        ),
        f'<th class="total" scope="col">{SOLVED_HEADER}</th>',
        "</tr></thead>",
        "<tbody>",
        *(_row(learner, katas) for learner in learners),
        "</tbody>",
        "<tfoot>",
        _rates(learners, katas),
        "</tfoot>",
        "</table>",
        _legend(),
        _flags(learners),
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(
    file: Path,
    learners: list[LearnerResult],
    katas: list[course.Kata],
    generated_at: str,
    fence: Fence | None = None,
    seed: int | None = None,
) -> None:
    file.write_text(page(learners, katas, generated_at, fence, seed), encoding="utf-8")


def _row(learner: LearnerResult, katas: list[course.Kata]) -> str:
    titles = {kata.code: kata.title for kata in katas}
    cells = []
    for result in learner.katas:
        hover = [f"{result.kata} · {titles.get(result.kata, '')}: {result.state}"]
        if result.message:
            hover.append(result.message)
        if result.flags:
            hover.append("Flags: " + "; ".join(flagging.described(flag) for flag in result.flags))
        classes = " ".join(["cell", _css(result.state), *(["flagged"] if result.flags else [])])
        mark = SYMBOLS[result.state] + (FLAG_MARK if result.flags else "")
        cells.append(
            f'<td class="{classes}" data-kata="{result.kata}" data-state="{_attr(result.state)}" '
            f'data-flags="{_attr(" ".join(result.flags))}" title="{_attr(chr(10).join(hover))}">{escape(mark)}</td>'
        )
    share = learner.solved / learner.total if learner.total else 0.0
    return (
        f'<tr class="learner" data-learner="{_attr(learner.name)}">'
        f'<th scope="row" title="{_attr(learner.folder)}">{escape(learner.name)}</th>'
        + "".join(cells)
        + f'<td class="total" style="background: {_heat(share)}">{learner.solved}/{learner.total}</td></tr>'
    )


def _rates(learners: list[LearnerResult], katas: list[course.Kata]) -> str:
    cells = []
    for index, kata in enumerate(katas):
        solved = sum(learner.katas[index].state == State.SOLVED.value for learner in learners)
        share = solved / len(learners) if learners else 0.0
        cells.append(
            f'<td class="rate" data-kata="{kata.code}" title="{solved} of {len(learners)} solved" '
            f'style="background: {_heat(share)}">{round(100 * share)}%</td>'
        )
    solved = sum(learner.solved for learner in learners)
    total = sum(learner.total for learner in learners)
    overall = solved / total if total else 0.0
    return (
        f'<tr class="rates"><th scope="row">{SOLVE_RATE}</th>{"".join(cells)}'
        f'<td class="rate overall" style="background: {_heat(overall)}">{round(100 * overall)}%</td></tr>'
    )


def _legend() -> str:
    items = "".join(
        f'<li><span class="{_css(state)}"></span> {escape(SYMBOLS[state])} {escape(state)}</li>' for state in COLOURS
    )
    return f'<ul class="legend">{items}<li>{FLAG_MARK} flagged for you to look at (no verdict changed)</li></ul>'


def _flags(learners: list[LearnerResult]) -> str:
    items = [f"<li>{escape(line.strip())}</li>" for learner in learners for line in flag_lines(learner)]
    if not items:
        return ""
    return '<section id="flags"><h2>Flags</h2><p>They change no verdict.</p><ul>' + "".join(items) + "</ul></section>"


def _heat(share: float) -> str:
    """A light background from red (none solved) through amber to green (all solved)."""
    return f"hsl({round(120 * share)}, 70%, 82%)"


def _css(state: str) -> str:
    return state.replace(" ", "-")


def _attr(text: str) -> str:
    return escape(text, quote=True)
