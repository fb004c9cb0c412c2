"""`autokata export --github-classroom DIR`: an assignment template repository for GitHub Classroom.

DIR gets a student copy (`student.py`) and `.github/workflows/classroom.yml`,
the workflow Classroom's autograding runs on every push: it installs autokata
from the repository's own copy at the pinned versions, builds the tiny zoo,
then checks each kata in a step of its own (`autograding-command-grader`,
worth `points`), and the `autograding-grading-reporter` step hands the points
to Classroom. Each step runs pytest so that nothing in the learner's
repository configures it: `-c /dev/null --rootdir .` ignores their
`pytest.ini`/`pyproject.toml` (no plugins, options or paths from there), `-p
no:cacheprovider` writes no cache, and a `conftest.py` is never loaded where
kata files are checked. `--autokata-seed` draws examples the learner's own
runs never showed.
"""

from __future__ import annotations

from pathlib import Path

from autokata import course
from autokata.export import sources, student

WORKFLOW = Path(".github") / "workflows" / "classroom.yml"
WORKFLOW_NAME = "Autograding Tests"
JOB = "run-autograding-tests"
COMMAND_GRADER = "classroom-resources/autograding-command-grader@v1"
REPORTER = "classroom-resources/autograding-grading-reporter@v1"
PYTHON_VERSION = "3.11"
#: Minutes a kata's step may take (the command grader's unit), zoo build and model loads included.
STEP_MINUTES = 10
#: Plain `pytest`, not `python -m pytest`, which would put the learner's folder first on sys.path.
PYTEST = "pytest -c /dev/null --rootdir . -p no:cacheprovider"


def step_id(kata: course.Kata) -> str:
    """A step id GitHub accepts (it starts with a letter); the reporter reads `<ID>_RESULTS`."""
    return f"kata-{kata.code}"


def command(kata: course.Kata, seed: int | None) -> str:
    """The pytest command grading one kata in the learner's repository."""
    seeded = f" --autokata-seed {seed}" if seed is not None else ""
    return f"{PYTEST}{seeded} katas/{kata.filename}"


def workflow(katas: list[course.Kata], points: float, seed: int | None) -> dict:
    """The workflow as data, in the shape GitHub Classroom's own autograding workflows have."""
    graders = [
        {
            "name": f"{kata.code} · {kata.title}",
            "id": step_id(kata),
            "uses": COMMAND_GRADER,
            "with": {
                "test-name": f"{kata.code} · {kata.title}",
                "setup-command": "",
                "command": command(kata, seed),
                "timeout": STEP_MINUTES,
                "max-score": _number(points),
            },
        }
        for kata in katas
    ]
    reporter = {
        "name": "Autograding Reporter",
        "uses": REPORTER,
        "env": {f"{step_id(k).upper()}_RESULTS": f"${{{{steps.{step_id(k)}.outputs.result}}}}" for k in katas},
        "with": {"runners": ",".join(step_id(kata) for kata in katas)},
    }
    return {
        "name": WORKFLOW_NAME,
        "on": ["push", "repository_dispatch"],
        "permissions": {"checks": "write", "actions": "read", "contents": "read"},
        "jobs": {
            JOB: {
                "runs-on": "ubuntu-latest",
                "if": "github.actor != 'github-classroom[bot]'",
                "steps": [
                    {"name": "Checkout code", "uses": "actions/checkout@v4"},
                    {
                        "name": "Set up Python",
                        "uses": "actions/setup-python@v5",
                        "with": {"python-version": PYTHON_VERSION},
                    },
                    {"name": "Install autokata (pinned versions)", "run": sources.pinned_install(".")},
                    {"name": "Build the tiny zoo", "run": 'python -c "from autokata import zoo; zoo.ensure()"'},
                    *graders,
                    reporter,
                ],
            }
        },
    }


def write(folder: Path, katas: list[course.Kata], points: float, seed: int | None) -> list[Path]:
    """The student copy and its Classroom workflow, in `folder` (new or empty)."""
    written = student.write(folder, katas)
    target = folder / WORKFLOW
    target.parent.mkdir(parents=True, exist_ok=True)
    import yaml  # only here: the console script starts without it

    text = yaml.safe_dump(workflow(katas, points, seed), sort_keys=False, allow_unicode=True, width=1000)
    target.write_text(_HEADER + text, encoding="utf-8")
    return [*written, target]


_HEADER = (
    "# GitHub Classroom autograding, written by `autokata export --github-classroom`.\n"
    "# One step per kata, each worth its points; the reporter hands the points to Classroom.\n"
)


def _number(points: float) -> int | float:
    return int(points) if float(points).is_integer() else points
