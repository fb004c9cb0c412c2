"""Past warm-ups, one JSON line each in `.autokata/warmups.jsonl`, and the personal bests they hold.

Appending rewrites the whole file (temp file + os.replace) under a lock, so a
crash mid-write leaves the old history, never a torn line. A line that cannot
be read is skipped: a damaged history costs that entry, never a crash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from autokata import course
from autokata.warmup.files import write_atomically
from autokata.warmup.scorecard import date, duration

HISTORY_FILE = "warmups.jsonl"
FORMAT = 1
EMPTY = "No finished warm-up yet: `autokata warmup` starts one."
PAST_HEADER = "Past warm-ups"
PAST_ROW = "  {date}  {solved}/{total} solved · {unaided} without hints · {used} of {limit} · katas {katas} · seed {seed}"
UNKNOWN = "?"
BESTS_HEADER = "Personal bests (fastest time to green within the time)"
BEST_ROW = "  {code}  {title:<56} {best:>5}  (solved {solved} of {tried})"
NEVER = "—"
REQUIRED = {"started", "used_seconds", "limit_seconds", "seed", "katas", "solved", "total"}


def path(state_dir: Path) -> Path:
    return state_dir / HISTORY_FILE


def load(state_dir: Path) -> list[dict]:
    """Every readable scorecard, oldest first."""
    try:
        lines = path(state_dir).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if _readable(record):
            records.append(record)
    return records


def _readable(record: object) -> bool:
    """A scorecard of this format with every field `render` and `bests` read."""
    return (
        isinstance(record, dict)
        and record.get("format") == FORMAT
        and REQUIRED <= record.keys()
        and isinstance(record["katas"], list)
        and all(isinstance(entry, dict) and {"kata", "solved", "seconds"} <= entry.keys() for entry in record["katas"])
    )


def append(state_dir: Path, record: dict) -> None:
    """Add one scorecard, rewriting the whole file in one step."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path(state_dir)) + ".lock"):
        lines = [json.dumps(r, sort_keys=True) for r in [*load(state_dir), {**record, "format": FORMAT}]]
        write_atomically(path(state_dir), "\n".join(lines) + "\n")


@dataclass(frozen=True)
class Best:
    tried: int
    solved: int
    seconds: float | None


def bests(records: list[dict]) -> dict[str, Best]:
    """Per kata code: how often it was in a warm-up, how often solved in time, the fastest time."""
    found: dict[str, Best] = {}
    for record in records:
        for entry in record["katas"]:
            before = found.get(entry["kata"], Best(0, 0, None))
            seconds = entry["seconds"] if entry["solved"] else None
            fastest = min((s for s in (before.seconds, seconds) if s is not None), default=None)
            found[entry["kata"]] = Best(before.tried + 1, before.solved + bool(entry["solved"]), fastest)
    return found


def render(records: list[dict]) -> list[str]:
    if not records:
        return [EMPTY]
    past = [
        PAST_ROW.format(
            date=date(r["started"]),
            solved=r["solved"],
            total=r["total"],
            unaided=r.get("solved_without_hints", UNKNOWN),
            used=duration(r["used_seconds"]),
            limit=duration(r["limit_seconds"]),
            katas=" ".join(entry["kata"] for entry in r["katas"]),
            seed=r["seed"],
        )
        for r in records
    ]
    found = bests(records)
    best_rows = [
        BEST_ROW.format(
            code=kata.code,
            title=kata.title,
            best=duration(best.seconds) if best.seconds is not None else NEVER,
            solved=best.solved,
            tried=best.tried,
        )
        for kata in course.KATAS
        if (best := found.get(kata.code)) is not None
    ]
    return [PAST_HEADER, *past, "", BESTS_HEADER, *best_rows]
