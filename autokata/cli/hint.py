"""`autokata hint NN`: progressive hints, the next level on each call, from nudge to near-answer."""

from __future__ import annotations

import argparse
import time

from autokata import course, runner
from autokata.cli import state, status
from autokata.cli.project import Project, checks_exist, parse_kata
from autokata.warmup import session

HELP = "show the next hint of a kata (each call reveals one more level)"
HEADER = "Hint {level}/{count} · kata {code} · {title}"
MORE = "Still stuck? `autokata hint {code}` again shows the next hint."
LAST = "That was the last hint. `autokata explain {code}` tells the whole lesson."
NO_SUCH_LEVEL = "Kata {code} has hints 1 to {count}; there is no level {level}."


def add_parser(verbs: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = verbs.add_parser("hint", parents=[common], help=HELP, description=HELP + ".")
    parser.add_argument("kata", type=parse_kata, help="the kata: its number (5, 05) or file name")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--level", type=int, metavar="K", help="show hint level K (1 is the gentlest nudge)")
    which.add_argument("--all", action="store_true", help="show every hint level at once")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    kata: course.Kata = args.kata
    if not checks_exist(kata):
        print(status.NOT_AVAILABLE_LESSON.format(code=kata.code))
        return 1
    hints = runner.hints(kata)
    if args.level is not None and not 1 <= args.level <= len(hints):
        print(NO_SUCH_LEVEL.format(code=kata.code, count=len(hints), level=args.level))
        return 2
    if args.all:
        levels = list(range(1, len(hints) + 1))
    elif args.level is not None:
        levels = [args.level]
    else:
        levels = [reveal_next(project, kata)]
    _remember(project, kata, levels[-1])
    print("\n\n".join(text(kata, hints, level) for level in levels))
    print()
    print(MORE.format(code=kata.code) if levels[-1] < len(hints) else LAST.format(code=kata.code))
    return 0


def reveal_next(project: Project, kata: course.Kata) -> int:
    """The level after the last one seen (`hint` without options, watch's `h` key), now remembered."""
    level = min(state.load(project.state_dir).hint_levels.get(kata.code, 0) + 1, len(runner.hints(kata)))
    _remember(project, kata, level)
    return level


def _remember(project: Project, kata: course.Kata, level: int) -> None:
    """Seen hints stay seen: the remembered level only goes up (and a warm-up's scorecard notes it)."""
    with state.updating(project.state_dir) as saved:
        saved.hint_levels[kata.code] = max(saved.hint_levels.get(kata.code, 0), level)
    session.record_help(project.root, kata, session.HINT, level, time.time())


def text(kata: course.Kata, hints: tuple[str, ...], level: int) -> str:
    return HEADER.format(level=level, count=len(hints), code=kata.code, title=kata.title) + "\n" + hints[level - 1]
