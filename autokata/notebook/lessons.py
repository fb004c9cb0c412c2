"""`autokata.hint("05")` and `autokata.explain("05")` in a notebook, as the `autokata` command gives them.

Each `hint` call without a level reveals one more level, from a nudge in
concepts to a near-answer. Inside a course folder (the notebook's folder or
one above it holds `katas/`) the levels seen are remembered in its
`.autokata/`, shared with `autokata hint`, and a warm-up's scorecard notes
them, as it notes `explain`; anywhere else (a fresh Colab runtime) the kernel
remembers them until it restarts.
"""

from __future__ import annotations

import time

from autokata import course
from autokata.notebook import display
from autokata.notebook.checking import find_kata

NO_SUCH_LEVEL = "Kata {code} has hints 1 to {count}; there is no level {level}."

#: Hint levels seen in this kernel, for notebooks outside any course folder.
_seen_here: dict[str, int] = {}


def hint(kata: str | int, level: int | None = None, *, all: bool = False) -> display.Hints:  # noqa: A002
    """The next hint of a kata (each call one level more); `level=k` shows level k, `all=True` every level."""
    from autokata import runner

    found = _available(find_kata(kata))
    texts = runner.hints(found)
    if level is not None and not 1 <= level <= len(texts):
        raise ValueError(NO_SUCH_LEVEL.format(code=found.code, count=len(texts), level=level))
    project = _course()
    if all:
        levels = list(range(1, len(texts) + 1))
    elif level is not None:
        levels = [level]
    else:
        levels = [_reveal_next(project, found, len(texts))]
    _remember(project, found, levels[-1])
    return display.Hints(found.code, found.title, tuple((k, texts[k - 1]) for k in levels), len(texts))


def explain(kata: str | int) -> display.Lesson:
    """The kata's whole lesson: which class or keyword answers it, why, and the pitfalls its checks look for."""
    from autokata import runner
    from autokata.warmup import session

    found = _available(find_kata(kata))
    project = _course()
    if project is not None:
        session.record_help(project.root, found, session.EXPLAIN, 0, time.time())
    return display.Lesson(found.code, found.title, runner.lesson(found))


def _available(kata: course.Kata) -> course.Kata:
    from autokata.cli.project import checks_exist
    from autokata.cli.status import NOT_AVAILABLE_LESSON

    if not checks_exist(kata):
        raise ValueError(NOT_AVAILABLE_LESSON.format(code=kata.code))
    return kata


def _course():
    """The course folder the notebook sits in (nearest folder upward holding katas/), or None."""
    from autokata.cli.project import NoCourse, Project

    try:
        return Project.find()
    except NoCourse:
        return None


def _reveal_next(project, kata: course.Kata, count: int) -> int:
    if project is not None:
        from autokata.cli import hint as hint_command

        return hint_command.reveal_next(project, kata)
    return min(_seen_here.get(kata.code, 0) + 1, count)


def _remember(project, kata: course.Kata, level: int) -> None:
    """Seen hints stay seen: the remembered level only goes up (as `autokata hint` keeps it)."""
    _seen_here[kata.code] = max(_seen_here.get(kata.code, 0), level)
    if project is not None:
        from autokata.cli import hint as hint_command

        hint_command._remember(project, kata, level)
