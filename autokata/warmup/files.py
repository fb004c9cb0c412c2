"""Write a state file whole or not at all: a temporary file beside it, renamed over it.

A warm-up's state and the history are rewritten on every change; an
interrupted write must leave the old file, never half a new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(file: Path, text: str) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, file)
    except BaseException:
        os.unlink(temporary)
        raise
