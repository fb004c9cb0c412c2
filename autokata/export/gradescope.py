"""`autokata export --gradescope autograder.zip`: a Gradescope autograder for the course.

The zip holds what Gradescope asks for at its top level, `setup.sh` and
`run_autograder`, and beside them:

- `project/`: autokata's own copy (package, `pyproject.toml`,
  `constraints.txt`), which `setup.sh` installs at the pinned versions (the
  CPU build of torch) into a virtual environment, then builds the tiny zoo;
- `autokata-grading.json`: the katas graded, points per kata, the grading
  seed, the time limits (`grading.Settings`);
- `fallback-results.json`: the results `run_autograder` writes when checking
  crashes or runs out of time (every kata 0 points, the reason as output), so
  Gradescope always gets a results file.

`run_autograder` runs `python -m autokata.export.autograder` (`grading.py`) under the
total time limit. `$AUTOGRADER_ROOT` (default `/autograder`) and
`$AUTOKATA_PYTHON` (default the environment `setup.sh` made) let it run
against any folder laid out like `/autograder`: that is how the tests run it.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict
from pathlib import Path

from autokata import course
from autokata.export import grading, sources

SETUP = "setup.sh"
RUN = "run_autograder"
FALLBACK = "fallback-results.json"
PROJECT = "project"
#: Where setup.sh makes the environment autokata is installed in (inside the autograder root).
VENV = "autokata-venv"
#: Below Gradescope's default limit of 10 minutes, so our own fallback results get written first.
TOTAL_TIME_LIMIT_SECONDS = 540.0
PROJECT_README = (
    "# autokata (autograder copy)\n\n"
    "The copy of autokata this Gradescope autograder installs; written by `autokata export --gradescope`.\n"
)

SETUP_SCRIPT = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder (written by `autokata export --gradescope`).
# It installs autokata from this zip's own copy (project/) at the exact versions of project/constraints.txt
# (torch's CPU build) into its own environment, then builds the tiny zoo, so grading starts at once.
set -euo pipefail
here="$(cd "$(dirname "${{BASH_SOURCE[0]}}")" && pwd)"
root="${{AUTOGRADER_ROOT:-/autograder}}"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "autokata's pinned versions need Python 3.11 or newer: pick an Ubuntu 24.04 base image in Gradescope." >&2
  exit 1
fi
python3 -m venv "$root/{venv}"
{install}
"$root/{venv}/bin/python" -c "from autokata import zoo; zoo.ensure()"
"""

RUN_SCRIPT = """\
#!/usr/bin/env bash
# Gradescope runs this for each submission (written by `autokata export --gradescope`): it checks the
# kata files in $AUTOGRADER_ROOT/submission and writes $AUTOGRADER_ROOT/results/results.json.
# A results file is written whatever happens: should checking crash or run out of time, every kata
# gets 0 points and the reason.
set -u
root="${{AUTOGRADER_ROOT:-/autograder}}"
source_dir="$root/source"
python="${{AUTOKATA_PYTHON:-$root/{venv}/bin/python}}"
limit="${{AUTOKATA_TOTAL_TIME_LIMIT:-{limit}}}"
results="$root/results/results.json"
mkdir -p "$root/results"
rm -f "$results"
export {root_variable}="$root"
timeout --kill-after=10 "$limit" "$python" -m autokata.export.autograder --root "$root" --config "$source_dir/{config}"
status=$?
if [ ! -s "$results" ]; then
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    reason="{timed_out}"
  else
    reason="{crashed}"
  fi
  sed "s|{placeholder}|$reason|" "$source_dir/{fallback}" > "$results.partial" && mv "$results.partial" "$results"
fi
exit 0
"""


def write(zip_file: Path, katas: list[course.Kata], points: float, seed: int | None, time_limit: float,
          total_time_limit: float = TOTAL_TIME_LIMIT_SECONDS) -> list[str]:  # fmt: skip
    """Write the autograder zip; return the names it holds."""
    settings = grading.Settings(tuple(k.code for k in katas), float(points), seed, time_limit, total_time_limit)
    members: dict[str, tuple[bytes, int]] = {
        SETUP: (setup_script().encode(), 0o755),
        RUN: (run_script(total_time_limit).encode(), 0o755),
        grading.CONFIG: ((json.dumps(asdict(settings), indent=2) + "\n").encode(), 0o644),
        FALLBACK: (_fallback(settings).encode(), 0o644),
        f"{PROJECT}/pyproject.toml": (sources.pyproject(), 0o644),
        f"{PROJECT}/constraints.txt": (sources.constraints(), 0o644),
        f"{PROJECT}/README.md": (PROJECT_README.encode(), 0o644),
    }
    for name, content in sources.package_files(with_solutions=True):
        members[f"{PROJECT}/{name}"] = (content, 0o644)
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_file, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (content, mode) in members.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return list(members)


def setup_script() -> str:
    install = sources.pinned_install(
        f'"$here/{PROJECT}"', python=f'"$root/{VENV}/bin/python"', constraints=f'"$here/{PROJECT}/constraints.txt"'
    )
    return SETUP_SCRIPT.format(venv=VENV, install=install)


def run_script(total_time_limit: float = TOTAL_TIME_LIMIT_SECONDS) -> str:
    return RUN_SCRIPT.format(
        venv=VENV,
        limit=f"{total_time_limit:g}",
        root_variable=grading.ROOT_VARIABLE,
        config=grading.CONFIG,
        timed_out=grading.TIMED_OUT.format(seconds="$limit"),
        crashed=grading.CRASHED.format(status="$status"),
        placeholder=grading.REASON_PLACEHOLDER,
        fallback=FALLBACK,
    )


def _fallback(settings: grading.Settings) -> str:
    return json.dumps(grading.fallback(settings, grading.REASON_PLACEHOLDER), indent=2, ensure_ascii=False) + "\n"
