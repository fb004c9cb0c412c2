"""The library versions autokata is proven on, in one place.

pyproject.toml admits `transformers>=5.0,<6` and `torch>=2.4`. CI (`.ci/run`) proves the two
ends of PROVEN on every run: every reference solution passes and every mutant fails with its
lesson, once in the main environment (constraints.txt: the newest transformers) and once in a
second one (constraints-oldest.txt: the oldest transformers pyproject admits), both on the CPU
build of torch 2.13.0, the only torch build this project can install. A learner whose installed
transformers or torch falls outside PROVEN sees WARNING as one line at the start of a pytest run;
inside it, nothing. tests/test_versions.py keeps PROVEN in step with the two constraints files.

Only the standard library here: the pytest plugin imports this module at startup.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

#: package -> (oldest, newest) proven release series, both ends included ("5.24" covers 5.24.x).
PROVEN: dict[str, tuple[str, str]] = {
    "transformers": ("5.0", "5.24"),
    "torch": ("2.13", "2.13"),
}

WARNING = (
    "autokata: {found} {verb} outside the versions its checks are proven on ({proven}); "
    "a verdict may reflect your library version, see README 'Supported versions'."
)


def series(release: str) -> tuple[int, int]:
    """(major, minor) of a release string such as '5.24.0', '2.13.0+cpu' or '5.1.0rc1'."""
    match = re.match(r"(\d+)\.(\d+)", release)
    if match is None:
        raise ValueError(f"not a release number: {release!r}")
    return int(match.group(1)), int(match.group(2))


def outside_proven(installed: dict[str, str] | None = None) -> list[str]:
    """'name version' for each installed package outside PROVEN (missing ones are not ours to judge)."""
    if installed is None:
        installed = {}
        for name in PROVEN:
            try:
                installed[name] = version(name)
            except PackageNotFoundError:
                pass
    found = []
    for name, (oldest, newest) in PROVEN.items():
        release = installed.get(name)
        if release is not None and not series(oldest) <= series(release) <= series(newest):
            found.append(f"{name} {release}")
    return found


def proven_range() -> str:
    """'transformers 5.0-5.24, torch 2.13' (one series shown once)."""
    return ", ".join(
        f"{name} {oldest}" if oldest == newest else f"{name} {oldest}-{newest}"
        for name, (oldest, newest) in PROVEN.items()
    )


def warning(installed: dict[str, str] | None = None) -> str | None:
    """The one-line warning for an environment outside PROVEN, or None inside it."""
    found = outside_proven(installed)
    if not found:
        return None
    verb = "is" if len(found) == 1 else "are"
    return WARNING.format(found=" and ".join(found), verb=verb, proven=proven_range())
