"""The learner's state file, `.autokata/state.json`: the hint levels seen.

(Verdicts live in the one verdict store every front end shares,
`.autokata/verdicts.json`: see `autokata.verdicts`.)

As in rustlings it is a small file rewritten whole: written to a temporary file
and renamed into place (an interrupted write never leaves half a file), under a
lock (`watch` and `hint` may run side by side). A broken or unknown file means
starting fresh, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock

from autokata.verdicts import write_atomically

STATE_FILE = "state.json"
FORMAT = 1


@dataclass
class State:
    #: How many hints of each kata (by code) the learner has seen.
    hint_levels: dict[str, int] = field(default_factory=dict)


def load(state_dir: Path) -> State:
    """The saved state, or a fresh one when the file is missing or unreadable."""
    try:
        raw = json.loads((state_dir / STATE_FILE).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return State()
        return State(hint_levels={str(code): int(level) for code, level in raw["hint_levels"].items()})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return State()


def save(state_dir: Path, state: State) -> None:
    """Replace the state file in one step, so readers see the old or the new file, never half."""
    state_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(state_dir / STATE_FILE, {"format": FORMAT, "hint_levels": state.hint_levels})


@contextmanager
def updating(state_dir: Path) -> Iterator[State]:
    """Load, let the caller change, save: under a lock, so two verbs never lose each other's change."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(state_dir / (STATE_FILE + ".lock"))):
        state = load(state_dir)
        yield state
        save(state_dir, state)
