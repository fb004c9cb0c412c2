"""`autokata export --student DIR`: the course as learners get it, without any reference solution.

The copy holds the kata stubs (pristine, from the package: never the
instructor's own solved `katas/`), a README for learners, the autokata
package without its packaged solutions, `pyproject.toml` and
`constraints.txt` that install it at the exported versions, and
`autokata-course.toml` saying the solutions are withheld (so `autokata
solution` refuses there, even with an autokata installed from elsewhere).
No `solutions/`, no `tests/`, no benchmarks or other author files.
"""

from __future__ import annotations

from pathlib import Path

from autokata import course, stubs
from autokata.cli.project import COURSE_CONFIG, course_config_text
from autokata.export import sources

GITIGNORE = """\
.venv/
__pycache__/
*.egg-info/
.pytest_cache/
.hypothesis/
.autokata/
warmups/
"""

README = """\
# Transformers Auto classes: katas

Each kata in `katas/` is a small Python file: read its question, replace the
TODO with your answer (which Auto class to load, how to configure it), run
`pytest`, and hidden checks judge your answer against tiny models built on your
machine. Nothing is downloaded.

## Set up (once)

Python 3.11 or newer:

```bash
python3 -m venv .venv && . .venv/bin/activate
{install}
```

## Work on the katas

```bash
pytest katas/           # every kata: what is solved, what to do next
pytest katas/{first}    # one kata
autokata watch          # re-checks a kata each time you save it
```

A kata is *not started* while it still raises `NotImplementedError`, *failing*
while a check rejects it (the message says what is wrong and why), *solved*
when every check passes.

| command | what it does |
|---|---|
| `autokata list` | every kata with its state and estimated minutes |
| `autokata hint 05` | the next hint of kata 05, from a nudge to a near-answer |
| `autokata explain 05` | the kata's whole lesson, when you choose to be told |
| `autokata reset 05` | puts back the original kata (your file is backed up first) |

Your instructor has withheld the reference solutions of this course:
`autokata solution` will not show them. Hints and lessons are yours whenever
you want them.

## Katas in this course

{katas}
"""


def write(folder: Path, katas: list[course.Kata]) -> list[Path]:
    """Write the student copy into `folder` (new or empty); return the files written."""
    files: dict[str, bytes] = {}
    for kata in katas:
        stub = stubs.stub(kata)
        if stub is not None:
            files[f"katas/{kata.filename}"] = stub
    files.update(sources.package_files(with_solutions=False))
    files["pyproject.toml"] = sources.pyproject()
    files["constraints.txt"] = sources.constraints()
    files["README.md"] = readme(katas).encode()
    files[COURSE_CONFIG] = course_config_text(katas).encode()
    files[".gitignore"] = GITIGNORE.encode()
    written = []
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written


def readme(katas: list[course.Kata]) -> str:
    install = sources.pinned_install(".", editable=True)
    listing = "\n".join(f"- `katas/{kata.filename}`: {kata.title} (~{kata.minutes} min)" for kata in katas)
    return README.format(install=install, first=katas[0].filename if katas else "01_embeddings.py", katas=listing)
