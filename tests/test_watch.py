"""`autokata watch`, driven from a pseudo-terminal the way a learner's terminal drives it.

The terminal is emulated (`tests/pseudo_terminal.py`): the tests read what a
learner's 80x24 or 120x40 window would show, and how many lines it had to wrap
or scroll away because the program drew more than fits.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from autokata import course, runner
from autokata.cli import screen, status, watch
from tests.helpers import NOISE, ROOT, SOLUTION, STUB
from tests.pseudo_terminal import Display, Terminal

EMBEDDINGS = course.find("01")
GENERATION = course.find("02")
WRONG_HEAD = Path(__file__).parent / "mutants" / "01_embeddings" / "masked_lm.py"
FILE = "katas/01_embeddings.py"


def start_watch(course_dir: Path, columns: int = 80, lines: int = 24) -> Terminal:
    return Terminal([sys.executable, "-m", "autokata.cli", "watch"], course_dir, columns, lines)


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    (tmp_path / "katas").mkdir()
    (tmp_path / FILE).write_bytes(STUB.read_bytes())
    return tmp_path


@pytest.fixture
def terminal(course_dir: Path) -> Iterator[Terminal]:
    running = start_watch(course_dir)
    yield running
    running.close()


def save(course_dir: Path, source: Path, name: str = FILE) -> None:
    (course_dir / name).write_bytes(source.read_bytes())


def headline(state: status.Standing, kata: course.Kata = EMBEDDINGS) -> str:
    """The verdict's headline up to the kata title (what fits one line at 80 columns)."""
    file = f"katas/{kata.filename}"
    return screen.VERDICT.format(symbol=status.SYMBOLS[state], file=file, title=kata.title, state=state.value)


def starts_with(display: Display, text: str) -> bool:
    """The display's top lines show `text` (wrapped over them or not)."""
    return " ".join(" ".join(display.rows[:3]).split()).startswith(" ".join(text.split()))


def shows_whole(display: Display, text: str) -> bool:
    """`text` is on screen, possibly wrapped over several lines."""
    flat = " ".join(row.strip() for row in display.rows)
    return " ".join(text.split()) in flat


def fits(display: Display) -> None:
    """Nothing drawn since the last clear was wider or taller than the terminal."""
    assert display.wrapped == 0, f"{display.wrapped} line(s) wider than {display.columns} columns:\n{display.text}"
    assert display.scrolled == 0, f"{display.scrolled} line(s) scrolled off a {display.lines}-line screen"


def test_watch_shows_the_verdict_of_each_save_then_moves_on_when_solved(terminal, course_dir):
    first = terminal.wait_for(watch.KEYS)
    assert starts_with(terminal.display, headline(status.Standing.NOT_STARTED))
    assert shows_whole(terminal.display, screen.CURRENT.format(file=FILE, title=EMBEDDINGS.title))

    save(course_dir, WRONG_HEAD)
    failing = terminal.wait_until(lambda d: starts_with(d, headline(status.Standing.FAILING)), "failing")
    assert "puts a task head on top of the encoder" in failing.replace("\n", " ")

    save(course_dir, SOLUTION)
    solved = terminal.wait_until(lambda d: starts_with(d, headline(status.Standing.SOLVED)), "solved")
    sections = [solved.index(text) for text in (screen.SOLVED_NOTE, watch.ALL_DONE, "Progress: [", watch.KEYS)]
    assert sections == sorted(sections), "the screen keeps rustlings' order: output, done-mark, progress, keys"
    assert "Current kata" not in solved, "kata 01 is solved and no other kata is left to do"
    assert screen.MORE in solved, "the lesson is longer than 24 lines: cut, with a note"
    assert not any(noise in first + failing + solved for noise in NOISE)
    fits(terminal.display)

    terminal.press(watch.QUIT_KEY)
    assert terminal.process.wait(timeout=30) == 0


def test_three_hints_keep_the_headline_and_the_current_kata_on_screen_at_any_size_and_the_list(terminal):
    terminal.wait_for(watch.KEYS)
    for level in (1, 2, 3):
        terminal.press(watch.HINT_KEY)
        terminal.wait_for(f"Hint {level}/")
    display = terminal.display
    shown = display.text
    assert starts_with(display, headline(status.Standing.NOT_STARTED)), "the verdict's headline stays on top"
    assert shows_whole(display, screen.CURRENT.format(file=FILE, title=EMBEDDINGS.title))
    assert shown.index("Hint 3/") < shown.index("Progress: [") < shown.index(watch.KEYS)
    assert shows_whole(display, runner.hints(EMBEDDINGS)[2]), "the newest hint is shown whole"
    fits(display)

    terminal.resize(120, 40)
    wide = terminal.wait_until(lambda d: all(f"Hint {n}/" in d.text for n in (1, 2, 3)), "the screen redrawn at 120x40")
    assert terminal.display.rows[0] == headline(status.Standing.NOT_STARTED), "one line at 120 columns"
    assert all(shows_whole(terminal.display, hint) for hint in screen.hint_lines(EMBEDDINGS, 3))
    assert max(len(row) for row in wide.splitlines()) > 80, "the wider terminal is used"
    fits(terminal.display)

    terminal.resize(80, 24)
    terminal.wait_until(lambda d: "Hint 3/" in d.text and len(max(d.rows, key=len)) < 80, "the screen redrawn at 80x24")
    assert starts_with(terminal.display, headline(status.Standing.NOT_STARTED))
    fits(terminal.display)

    terminal.press(watch.LIST_KEY)
    listed = terminal.wait_for(watch.KEYS_IN_LIST)
    assert "autokata: 0/" in listed and "Hint" not in listed, "the list, ending with the progress line"
    fits(terminal.display)
    terminal.press(watch.LIST_KEY)
    terminal.wait_for("Hint 3/")
    terminal.press(watch.QUIT_KEY)
    assert terminal.process.wait(timeout=30) == 0


def test_nothing_of_a_solved_kata_stays_once_the_next_one_begins(course_dir):
    save(course_dir, ROOT / "katas" / GENERATION.filename, name=f"katas/{GENERATION.filename}")
    terminal = start_watch(course_dir)
    try:
        terminal.wait_for(watch.KEYS)
        save(course_dir, SOLUTION)
        done = watch.DONE_MARK.format(code="01", file=f"katas/{GENERATION.filename}")
        solved = terminal.wait_for(done)
        assert starts_with(terminal.display, headline(status.Standing.SOLVED))
        assert screen.SOLVED_NOTE in solved and screen.MORE in solved
        fits(terminal.display)

        pages = []
        terminal.press(watch.MORE_KEY)
        pages.append(terminal.wait_for("(page 1/"))
        assert starts_with(terminal.display, headline(status.Standing.SOLVED)), "paging keeps the headline"
        fits(terminal.display)
        while "press `m` to go back" not in pages[-1]:
            terminal.press(watch.MORE_KEY)
            pages.append(terminal.wait_for(f"(page {len(pages) + 1}/"))
            fits(terminal.display)
        lesson_end = " ".join(runner.lesson(EMBEDDINGS).split()[-6:])
        assert lesson_end in " ".join(" ".join(p.split()) for p in pages), "the pages hold the whole lesson"

        terminal.press(watch.HINT_KEY)
        next_kata = terminal.wait_for("Hint 1/")
        assert starts_with(terminal.display, headline(status.Standing.NOT_STARTED, GENERATION))
        for leftover in (EMBEDDINGS.title, screen.SOLVED_NOTE, done, "page "):
            assert leftover not in next_kata, f"{leftover!r} stayed from kata 01"
        fits(terminal.display)
    finally:
        terminal.close()


def test_a_long_check_shows_a_live_line_and_a_new_save_stops_it(terminal, course_dir):
    terminal.wait_for(watch.KEYS)
    never_ends = course_dir / "never_ends.py"
    docstring = '    """Load the checkpoint'
    never_ends.write_text(SOLUTION.read_text().replace(docstring, "    while True:\n        pass\n" + docstring, 1))
    save(course_dir, never_ends)
    checking = screen.CHECKING.format(file=FILE, title=EMBEDDINGS.title)
    total = len(list(runner.cases(EMBEDDINGS)))
    live = f"checking 0/{total} · "
    first = terminal.wait_until(lambda d: starts_with(d, checking) and live in d.text, "the live line")
    time.sleep(1.5)
    later = terminal.wait_until(lambda d: d.text != first and live in d.text, "the live line ticking")
    seconds = [float(text.split(live)[1].split(" s")[0]) for text in (first, later)]
    assert seconds[1] >= seconds[0] + 1, "the clock runs"
    assert "s left before the time limit" in later
    fits(terminal.display)
    save(course_dir, SOLUTION)
    solved = terminal.wait_until(lambda d: starts_with(d, headline(status.Standing.SOLVED)), "solved")
    assert screen.SOLVED_NOTE in solved


def test_the_screen_is_drawn_in_rustlings_order():
    drawn = screen.Screen(
        headline="output", hints=["hint"], done="done", solved=1, total=4, current="current", keys="keys"
    ).lines(80, 24)
    assert "\n".join(drawn).split("\n\n") == [
        "output",
        "hint",
        "done",
        "Progress: [##########>-----------------------------] 1/4",
        "current",
        "keys",
    ]


@pytest.mark.parametrize("columns, lines", [(80, 24), (120, 40), (40, 12)])
def test_a_long_lesson_is_wrapped_at_words_and_cut_to_the_terminal(columns, lines):
    found = status.KataStatus(EMBEDDINGS, Path(FILE), status.Standing.SOLVED)
    shown = screen.Screen(
        headline=screen.verdict_headline(found, FILE),
        body=screen.verdict_body(found),
        hints=screen.hint_lines(EMBEDDINGS, 3),
        solved=1,
        total=35,
        current=screen.current_line(GENERATION, f"katas/{GENERATION.filename}"),
        keys=watch.KEYS,
    )
    drawn = shown.lines(columns, lines)
    assert len(drawn) <= lines and max(map(len, drawn)) < columns
    flat = " ".join(" ".join(drawn).split())
    assert drawn[0].startswith("✓ katas/01_embeddings.py")
    assert flat.endswith(f"{shown.current} {watch.KEYS}"), "the current kata and the keys end every screen"
    texts = [shown.headline, *shown.body, *shown.hints, shown.current, shown.keys, screen.MORE, "Progress: 1/35"]
    words = set(" ".join(texts).split())
    broken = [word for line in drawn if not line.startswith("Progress") for word in line.split() if word not in words]
    assert not broken, "no word is broken across lines"
    pages = shown.pages(columns, lines)
    assert (pages > 1) == (screen.MORE in drawn), "a screen is cut exactly when `m` has pages to show"
    seen = set()
    for page in range(pages):
        shown.page = page
        paged = shown.lines(columns, lines)
        assert len(paged) <= lines and max(map(len, paged)) < columns
        assert paged[0] == drawn[0], "paging keeps the headline"
        seen.update(" ".join(paged).split())
    lesson = {word for word in runner.lesson(EMBEDDINGS).split() if len(word) < columns - 8}  # others must break
    assert lesson <= seen, "the pages hold the whole lesson"


def test_hard_wrapped_paragraphs_are_joined_but_code_and_details_kept():
    text = "A paragraph that was wrapped by hand at some width, long enough to\nbe joined.\n" \
           "  details: kept\n    code = kept()\nShort line.\nAnother."
    assert screen.reflowed(text) == [
        "A paragraph that was wrapped by hand at some width, long enough to be joined.",
        "  details: kept",
        "    code = kept()",
        "Short line.",
        "Another.",
    ]
