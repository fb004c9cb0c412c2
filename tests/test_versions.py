"""The proven version range: in step with the constraints files CI installs, and one quiet line."""

from __future__ import annotations

import types

import re
from pathlib import Path

from autokata import plugin, versions

#: A pytest config with no options given (no grading seed).
NO_OPTIONS = types.SimpleNamespace(getoption=lambda name, default=None: default)

ROOT = Path(__file__).resolve().parent.parent


def pinned(constraints: str, package: str) -> str:
    match = re.search(rf"^{package}==(\S+)$", (ROOT / constraints).read_text(), re.MULTILINE)
    assert match, f"{constraints} does not pin {package}"
    return match.group(1)


def test_the_proven_range_spans_exactly_the_two_constraints_files_ci_installs():
    for package, (oldest, newest) in versions.PROVEN.items():
        assert versions.series(pinned("constraints-oldest.txt", package)) == versions.series(oldest), package
        assert versions.series(pinned("constraints.txt", package)) == versions.series(newest), package


def test_the_oldest_proven_transformers_is_the_floor_pyproject_admits():
    floor = re.search(r'"transformers>=([\d.]+)', (ROOT / "pyproject.toml").read_text()).group(1)
    assert versions.series(floor) == versions.series(versions.PROVEN["transformers"][0])


def test_an_environment_inside_the_range_gets_no_warning():
    inside = {"transformers": "5.24.0", "torch": "2.13.0+cpu"}
    assert versions.warning(inside) is None
    assert versions.warning({"transformers": "5.0.0", "torch": "2.13.1"}) is None


def test_an_environment_outside_the_range_gets_one_line_naming_what_is_outside():
    line = versions.warning({"transformers": "5.30.0", "torch": "2.13.0+cpu"})
    assert line is not None and "\n" not in line
    assert "transformers 5.30.0" in line and "torch 2.13.0" not in line
    assert "Supported versions" in line


def test_the_report_header_carries_the_warning_only_outside_the_range(monkeypatch):
    monkeypatch.setattr(versions, "PROVEN", {"transformers": ("5.0", "5.24"), "torch": ("2.13", "2.13")})
    monkeypatch.setattr(versions, "version", lambda name: {"transformers": "5.0.0", "torch": "2.13.0"}[name])
    assert plugin.pytest_report_header(config=NO_OPTIONS) == []
    monkeypatch.setattr(versions, "version", lambda name: {"transformers": "4.57.1", "torch": "2.13.0"}[name])
    (line,) = plugin.pytest_report_header(config=NO_OPTIONS)
    assert line.startswith("autokata: transformers 4.57.1 is outside")
