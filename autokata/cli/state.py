"""The learner's state file, `.autokata/state.json`: hint levels and cached verdicts.

As in rustlings it is a small file rewritten whole: written to a temporary file
and renamed into place (an interrupted write never leaves half a file), under a
lock (`watch` and `hint` may run side by side). A broken or unknown file means
starting fresh, never a crash: the worst it costs is a re-check.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock

STATE_FILE = "state.json"
FORMAT = 1


@dataclass(frozen=True)
class CachedVerdict:
    """A verdict and the key (file content + checks) it was reached for."""

    key: str
    state: str
    message: str


@dataclass
class State:
    #: How many hints of each kata (by code) the learner has seen.
    hint_levels: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, CachedVerdict] = field(default_factory=dict)


def load(state_dir: Path) -> State:
    """The saved state, or a fresh one when the file is missing or unreadable."""
    try:
        raw = json.loads((state_dir / STATE_FILE).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return State()
        return State(
            hint_levels={str(code): int(level) for code, level in raw["hint_levels"].items()},
            verdicts={str(code): CachedVerdict(**verdict) for code, verdict in raw["verdicts"].items()},
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return State()


def save(state_dir: Path, state: State) -> None:
    """Replace the state file in one step, so readers see the old or the new file, never half."""
    state_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT,
        "hint_levels": state.hint_levels,
        "verdicts": {code: asdict(verdict) for code, verdict in state.verdicts.items()},
    }
    handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=state_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(payload, file, indent=1, sort_keys=True)
        os.replace(temporary, state_dir / STATE_FILE)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def updating(state_dir: Path) -> Iterator[State]:
    """Load, let the caller change, save: under a lock, so two verbs never lose each other's change."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(state_dir / (STATE_FILE + ".lock"))):
        state = load(state_dir)
        yield state
        save(state_dir, state)
