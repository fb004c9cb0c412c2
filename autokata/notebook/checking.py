"""`autokata.check("05")`: judge the notebook's functions of a kata, outside the notebook's kernel.

The kernel's state becomes a kata file (`kernel.kata_source`), written as
`NN_slug.py` into a fresh temporary folder, and a fresh interpreter judges it
(`python -m autokata.notebook.judge FILE`, which prints the verdict as JSON).
Nothing the notebook has patched or imported reaches the judge, so the
verdict is the one `pytest` gives the same functions, and every `check` sees
the definitions as the kernel holds them at that moment. Inside a course
folder, verdicts go to the verdict store every front end shares (keyed by the
built file's content), so checking unchanged cells again answers at once.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from autokata import course
from autokata.notebook import display, kernel

#: The whole judging of one kata (every check on every architecture), learner processes included.
TIME_LIMIT_SECONDS = 600.0
JUDGE_MODULE = "autokata.notebook.judge"
TIMEOUT_LESSON = (
    "Your code was still running after {seconds:g} s, so the check stopped it. Look for a loop "
    "that never ends or a generation budget far larger than the kata asks for."
)
JUDGE_BROKE = (
    "autokata could not check kata {code} (the judge ended with status {status}); please report this.\n{details}"
)
#: `autokata hint 05` in a lesson: in a notebook, `autokata.hint("05")` says the same.
_COMMAND_HELP = re.compile(r"`autokata (hint|explain) (\d\d)`")
#: Environment a kernel sets for itself that a plain interpreter must not inherit.
KERNEL_ONLY_ENVIRONMENT = ("MPLBACKEND",)


def find_kata(kata: str | int) -> course.Kata:
    """A kata as learners name it: 5, "5", "05", "05_sentiment" or its file name."""
    try:
        return course.find(kata if isinstance(kata, int) else Path(str(kata)).name)
    except KeyError:
        from autokata.cli.project import UNKNOWN_KATA  # here: the CLI package imports this one

        raise ValueError(UNKNOWN_KATA.format(given=kata, last=len(course.KATAS))) from None


def check(kata: str | int, *, time_limit: float = TIME_LIMIT_SECONDS) -> display.CheckResult:
    """Check the kata's functions as this notebook's kernel defines them now; show the verdict.

    `autokata.check("05")` (or `autokata.check(5)`) gathers the functions and
    values kata 05 asks for from the notebook (with the imports, helpers and
    module-level values they use), and judges them in a separate process with
    the checks `pytest katas/05_sentiment.py` runs. The result renders as the
    cell's output: the state, the check's lesson and the values it drew.
    """
    found = find_kata(kata)
    namespace, history = kernel.kernel_state()
    return judge_source(found, kernel.kata_source(found, namespace, history), time_limit, _course_store())


def judge_source(
    kata: course.Kata, source: str, time_limit: float = TIME_LIMIT_SECONDS, store: Path | None = None
) -> display.CheckResult:
    """Judge kata-file `source` in a fresh interpreter; the verdict as a displayable result.

    With `store` (a course's `.autokata/`), a verdict on the same source under the same checks
    is taken from the verdict store every front end shares, and a new one is added to it.
    """
    if store is None:
        return _judged(kata, source, time_limit)
    from autokata import verdicts

    key = verdicts.key(kata, verdicts.content_digest(source.encode("utf-8")))
    known = verdicts.load(store).find(kata, key)
    if known is not None:
        return _result(kata, source, known.state, known.message)
    result = _judged(kata, source, time_limit)
    if result.checks:  # judged to the end: not a timeout, not a broken judge
        verdicts.record(store, [(kata, verdicts.StoredVerdict(key, result.state, result.message))])
    return result


def _course_store() -> Path | None:
    """The verdict store of the course folder the notebook sits in (a folder upward holding katas/)."""
    from autokata.cli.project import NoCourse, Project

    try:
        return Project.find().state_dir
    except NoCourse:
        return None


def _judged(kata: course.Kata, source: str, time_limit: float) -> display.CheckResult:
    with tempfile.TemporaryDirectory(prefix="autokata-notebook-") as folder:
        file = Path(folder) / kata.filename
        file.write_text(source, encoding="utf-8")
        status, out, err = _run_judge(file, time_limit)
        if status is None:
            return _result(kata, source, display.FAILING, TIMEOUT_LESSON.format(seconds=time_limit))
        payload = _payload(out)
        if payload is None:
            details = "\n".join(err.strip().splitlines()[-8:])
            message = JUDGE_BROKE.format(code=kata.code, status=status, details=details)
            return _result(kata, source, display.FAILING, message)

    def local(text: str) -> str:  # the temporary folder means nothing to the learner; the helpers do
        text = text.replace(str(file), kata.filename).replace(folder + os.sep, "")
        return _COMMAND_HELP.sub(lambda m: f'`autokata.{m.group(1)}("{m.group(2)}")`', text)

    checks = tuple({**check, "message": local(check.get("message", ""))} for check in payload.get("checks", ()))
    return _result(kata, source, payload["state"], local(payload.get("message", "")), checks)


def _run_judge(file: Path, time_limit: float) -> tuple[int | None, str, str]:
    """Run the judge on `file`; its exit status (None after a timeout), stdout and stderr."""
    environment = {k: v for k, v in os.environ.items() if k not in KERNEL_ONLY_ENVIRONMENT}
    process = subprocess.Popen(
        [sys.executable, "-m", JUDGE_MODULE, str(file)],
        cwd=file.parent,  # nothing beside the notebook shadows a library in the judge
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so a timeout ends the learner processes it started too
    )
    try:
        out, err = process.communicate(timeout=time_limit)
    except subprocess.TimeoutExpired:
        _end_group(process)
        process.communicate()
        return None, "", ""
    return process.returncode, out, err


def _end_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (AttributeError, ProcessLookupError, PermissionError):  # no process groups (Windows)
        process.kill()


def _payload(out: str) -> dict | None:
    """The verdict line the judge printed last, or None if it printed none."""
    for line in reversed(out.strip().splitlines()):
        try:
            payload = json.loads(line)
        except ValueError:
            continue
        if isinstance(payload, dict) and "state" in payload:
            return payload
    return None


def _result(
    kata: course.Kata, source: str, state: str, message: str, checks: tuple[dict, ...] = ()
) -> display.CheckResult:
    return display.CheckResult(kata.code, kata.title, state, message, checks, source, kata.filename)
