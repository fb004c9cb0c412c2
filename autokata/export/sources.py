"""What an export carries of autokata itself: the package, `pyproject.toml` and `constraints.txt`.

A student copy and a Gradescope autograder both install autokata from their
own copy, at the exact versions of `constraints.txt`, so what a learner or
Gradescope runs is what the instructor exported. The package is copied from
the installed autokata (without `__pycache__`); `pyproject.toml` and
`constraints.txt` come from the clone it sits in, or, for autokata installed
without one, are written from the installed distribution's metadata and
versions. A student copy's package leaves out the reference solutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from autokata import stubs

#: The package folder as installed (an editable install: the clone's own folder).
PACKAGE = Path(stubs.__file__).resolve().parent.parent
DISTRIBUTION = "autokata"
#: Where pip finds torch's CPU build (PyPI's Linux wheels are the multi-GB CUDA build).
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
SKIPPED = ("__pycache__",)
SKIPPED_SUFFIXES = (".pyc", ".pyo")

_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "autokata"
version = "{version}"
description = "Katas for the Hugging Face transformers Auto classes, judged by hidden checks on tiny offline models."
readme = "README.md"
requires-python = "{python}"
dependencies = [
{dependencies}
]

[project.entry-points.pytest11]
autokata = "autokata.plugin"

[project.scripts]
autokata = "autokata.cli:main"

[tool.setuptools.packages.find]
include = ["autokata*"]

[tool.setuptools.package-data]
autokata = ["stubs/*.stub", "stubs/*.solution"]

[tool.pytest.ini_options]
testpaths = ["katas"]
"""


def pinned_install(project: str = ".", *, editable: bool = False, python: str = "python", constraints: str = "") -> str:
    """The shell command installing autokata from a copy's folder at the versions of its
    `constraints.txt` (default: the one in `project`), torch's CPU build included."""
    constraints = constraints or ("constraints.txt" if project == "." else f"{project}/constraints.txt")
    target = f"-e {project}" if editable else project
    return f"{python} -m pip install --extra-index-url {TORCH_CPU_INDEX} -c {constraints} {target}"


def package_files(with_solutions: bool) -> Iterator[tuple[str, bytes]]:
    """(path inside the copy, content) of every file of the autokata package, `autokata/...`;
    without the packaged reference solutions unless `with_solutions`."""
    for file in sorted(PACKAGE.rglob("*")):
        relative = file.relative_to(PACKAGE)
        if not file.is_file() or any(part in SKIPPED for part in relative.parts):
            continue
        if file.suffix in SKIPPED_SUFFIXES:
            continue
        if not with_solutions and file.name.endswith(stubs.SOLUTION_SUFFIX):
            continue
        yield f"{PACKAGE.name}/{relative.as_posix()}", file.read_bytes()


def pyproject() -> bytes:
    """The clone's `pyproject.toml`, or one written from the installed distribution's metadata."""
    clone = stubs.CLONE / "pyproject.toml"
    if clone.is_file() and re.search(r'^name\s*=\s*"autokata"', clone.read_text(encoding="utf-8"), re.MULTILINE):
        return clone.read_bytes()
    meta = metadata.metadata(DISTRIBUTION)
    requirements = [r for r in metadata.requires(DISTRIBUTION) or [] if "extra ==" not in r]
    return _PYPROJECT.format(
        version=meta["Version"],
        python=meta.get("Requires-Python") or ">=3.10",
        dependencies="\n".join(f'    "{requirement}",' for requirement in requirements),
    ).encode()


def constraints() -> bytes:
    """The clone's `constraints.txt`, or the installed versions of autokata's dependencies (and
    theirs), pinned exactly."""
    clone = stubs.CLONE / "constraints.txt"
    if clone.is_file() and (stubs.CLONE / "pyproject.toml").is_file():
        return clone.read_bytes()
    pins = sorted(_installed_closure(DISTRIBUTION) - {_canonical(DISTRIBUTION)})
    lines = ["# Exact versions autokata was exported with: pip install -c constraints.txt ."]
    lines += [f"{name}=={metadata.version(name)}" for name in pins]
    return ("\n".join(lines) + "\n").encode()


def _installed_closure(name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = _canonical(todo.pop())
        if current in seen:
            continue
        try:
            requirements = metadata.requires(current) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(current)
        for requirement in requirements:
            if "extra ==" in requirement:
                continue
            marker = requirement.split(";", 1)
            if len(marker) == 2 and not _marker_holds(marker[1]):
                continue
            todo.append(re.split(r"[\s<>=!~\[(;]", requirement.strip(), maxsplit=1)[0])
    return seen


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ModuleNotFoundError:  # keep it: a pin too many does no harm
        return True
    return Marker(marker.strip()).evaluate()


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
