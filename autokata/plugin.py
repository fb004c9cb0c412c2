"""The pytest plugin: collect kata attempts, run their hidden checks, report progress.

A file is a kata attempt when its name is exactly a curriculum kata's
`NN_slug.py`, wherever it lives. Each hidden check (on each checkpoint of its
family) becomes one test item. Items report one of three states (solved, not
started, failing) as their own result categories, so pytest prints no
traceback for a wrong answer; the summary at the end shows progress per track
and the first unsolved kata's lesson.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from autokata import quiet

quiet.offline_and_quiet_environment()  # must happen before anything imports transformers

from autokata import course, runner, versions  # noqa: E402
from autokata.item_properties import (  # noqa: E402
    CATEGORIES,
    CHECK_PROPERTY,
    CONTENT_PROPERTY,
    KATA_PROPERTY,
    MESSAGE_PROPERTY,
    STATE_PROPERTY,
)
from autokata.progress import ProgressSummary  # noqa: E402

DEFAULT_TIMEOUT_SECONDS = 120.0
#: From this many kata files on, a run spreads over the cores (pytest-xdist).
PARALLEL_FROM = 8
MAX_WORKERS = 4
TIMEOUT_LESSON = (
    "Your code was still running after {seconds:g} s, so the check stopped it. Look for a loop "
    "that never ends or a generation budget far larger than the kata asks for. "
    "(Change the limit with `pytest --timeout=SECONDS`.)"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("autokata", "autokata kata checks")
    group.addoption(
        "--all-messages",
        action="store_true",
        default=False,
        help="autokata: show the lesson of every unsolved kata, not only the first.",
    )
    group.addoption(
        "--autokata-seed",
        type=_grading_seed,
        default=None,
        metavar="S",
        help="autokata: grade with hypothesis examples drawn from seed S instead of your runs' stable "
        "draws, and more of them; the same seed gives the same verdicts (for instructors and CI).",
    )


def _grading_seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise pytest.UsageError(f"--autokata-seed: the grading seed must be a whole number, not {text!r}") from None


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    """A run that checks kata attempts loads no `conftest.py`: one placed beside the kata files
    would run inside the checking process, where it could rewrite any verdict. (The project's
    own tests, which check no attempt, keep theirs.)"""
    namespace = early_config.known_args_namespace
    args = list(namespace.file_or_dir or []) or list(early_config.getini("testpaths") or [])
    if _count_kata_files(args, early_config.invocation_params.dir) > 0:
        namespace.noconftest = True
        _stop_rewriting_asserts(early_config)


def _stop_rewriting_asserts(config: pytest.Config) -> None:
    """A run that checks kata attempts has no test function whose asserts pytest could explain, yet
    its import hook would rewrite every module of every pytest plugin's package imported from now on
    (autokata, anyio, xdist, ...). Where bytecode is not cached (PYTHONDONTWRITEBYTECODE) that cost
    1.2 s of a 8 s `pytest solutions/05_sentiment.py` (measured); the hook goes."""
    hook = getattr(config.pluginmanager, "rewrite_hook", None)
    if hook in sys.meta_path:
        sys.meta_path.remove(hook)


@pytest.hookimpl(wrapper=True)
def pytest_cmdline_main(config: pytest.Config):
    """Check many katas on every core: worth it from PARALLEL_FROM katas on (measured:
    35 solved katas took 38 s on one process, 22 s on two). `-n 0` turns it off. Each kata
    file goes whole to one worker (one learner process and one set of references per kata:
    2% less CPU than spreading its checks, measured)."""
    if _parallel_pays(config):
        config.option.numprocesses = min(os.cpu_count() or 1, MAX_WORKERS)
        if getattr(config.option, "dist", "no") == "no":
            config.option.dist = "loadfile"
    return (yield)


def _parallel_pays(config: pytest.Config) -> bool:
    option = config.option
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return False
    if getattr(option, "numprocesses", 0) is not None or option.collectonly or option.usepdb:
        return False
    if (os.cpu_count() or 1) < 2:
        return False
    return _count_kata_files(config.args) >= PARALLEL_FROM


def _count_kata_files(args: list[str], start: Path | None = None) -> int:
    count = 0
    for arg in args:
        path = (start or Path()) / arg.split("::", 1)[0]
        files = [path] if path.is_file() else path.rglob("[0-9][0-9]_*.py") if path.is_dir() else []
        count += sum(course.kata_for_file(f.name) is not None for f in files)
    return count


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(ProgressSummary(config), "autokata-progress")
    _use_grading_seed(config)


def _use_grading_seed(config: pytest.Config) -> None:
    """`--autokata-seed S`: every process that checks here (this one, xdist workers, learner and
    forked children) draws from S, through `$AUTOKATA_SEED` (see autokata/kit/profiles.py)."""
    seed = config.getoption("autokata_seed", default=None)
    if seed is None:
        return
    from autokata.kit import profiles

    saved = os.environ.get(profiles.SEED_VARIABLE)
    os.environ[profiles.SEED_VARIABLE] = str(seed)

    def restore() -> None:
        if saved is None:
            os.environ.pop(profiles.SEED_VARIABLE, None)
        else:
            os.environ[profiles.SEED_VARIABLE] = saved

    config.add_cleanup(restore)


def pytest_report_header(config: pytest.Config) -> list[str]:
    """One line when the installed transformers or torch is outside the versions CI proves
    (autokata/versions.py); nothing inside them."""
    line = versions.warning()
    seed = config.getoption("autokata_seed", default=None)
    seeded = [f"autokata: examples drawn from grading seed {seed}"] if seed is not None else []
    return ([line] if line else []) + seeded


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    kata = course.kata_for_file(file_path.name)
    if kata is None:
        return None
    return KataFile.from_parent(parent, path=file_path, kata=kata)


def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A kata file named on the command line is not a test module: pytest would import it
    itself (a learner's syntax error becoming a collection error that stops the run)."""
    if course.kata_for_file(module_path.name) is None:
        return None
    return NotATestModule.from_parent(parent, path=module_path)


class NotATestModule(pytest.File):
    """Stands in for pytest's own Module for kata files; `KataFile` collects their checks."""

    def collect(self):
        return []


class KataFile(pytest.File):
    """A learner's attempt at one kata; its items are the kata's hidden checks."""

    def __init__(self, *, kata: course.Kata, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kata = kata
        self._attempt = None
        #: Once a check of this file hit the time limit, the others fail at once instead of waiting again.
        self.timed_out: runner.Verdict | None = None

    def collect(self):
        from autokata.verdicts import content_digest

        cases = list(runner.cases(self.kata))
        content = content_digest(self.path.read_bytes())
        for index, case in enumerate(cases, start=1):
            properties = [(KATA_PROPERTY, self.kata.code), (CHECK_PROPERTY, f"{index}/{len(cases)}"),
                          (CONTENT_PROPERTY, content)]
            yield KataItem.from_parent(self, name=case.id, case=case, properties=properties)

    def attempt(self):
        """Start the learner process for this file once (its import error, if any, is kept and re-reported)."""
        if self._attempt is None:
            runner.prepare()
            try:
                self._attempt = runner.load_attempt(self.path)
            except Exception as error:  # noqa: BLE001 - reported by every item of the kata
                self._attempt = error
        return self._attempt

    def close_attempt(self) -> None:
        """Stop the learner process (after the last check, or when a check ran out of time)."""
        if not isinstance(self._attempt, BaseException) and self._attempt is not None:
            self._attempt.close()

    def teardown(self) -> None:
        self.close_attempt()


class KataVerdict(Exception):
    """Raised by an item whose check did not pass; carries the learner's message."""

    def __init__(self, verdict: runner.Verdict) -> None:
        super().__init__(verdict.message)
        self.verdict = verdict


class KataItem(pytest.Item):
    def __init__(self, *, case: runner.Case, properties: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.kata = self.parent.kata
        self.user_properties += properties
        if not _timeout_configured(self.config):
            self.add_marker(pytest.mark.timeout(DEFAULT_TIMEOUT_SECONDS))

    def runtest(self) -> None:
        from autokata import zoo

        try:
            verdict = self.parent.timed_out or runner.judge(self.case, self.parent.attempt())
        except pytest.fail.Exception as error:
            if not str(error).startswith("Timeout"):
                raise
            verdict = runner.Verdict(runner.State.FAILING, TIMEOUT_LESSON.format(seconds=_timeout_of(self)))
            self.parent.timed_out = verdict
            self.parent.close_attempt()
        finally:
            zoo.restore_if_touched()
        self.user_properties.append((STATE_PROPERTY, verdict.state.value))
        if verdict.state is not runner.State.SOLVED:
            self.user_properties.append((MESSAGE_PROPERTY, verdict.message))
            raise KataVerdict(verdict)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, KataVerdict):
            return excinfo.value.verdict.message
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"kata {self.kata.code}: {self.case.title}"


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config):
    state = dict(getattr(report, "user_properties", ())).get(STATE_PROPERTY)
    if report.when == "call" and state in CATEGORIES:
        return CATEGORIES[state]
    return None


def pytest_collection_finish(session: pytest.Session) -> None:
    """Warm up once before any check runs (imports, the zoo), outside every time limit;
    a run of katas only prints one progress letter per check, not a line per file."""
    items = session.items
    if not any(isinstance(i, KataItem) for i in items):
        return
    from autokata import zoo

    runner.prepare()
    zoo.ensure()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and all(isinstance(i, KataItem) for i in items) and session.config.get_verbosity() <= 0:
        reporter.showfspath = False


def _timeout_configured(config: pytest.Config) -> bool:
    from_option = config.getoption("timeout", default=None)
    from_ini = config.getini("timeout") if "timeout" in config._parser._inidict else None
    return bool(from_option or from_ini or os.environ.get("PYTEST_TIMEOUT"))


def _timeout_of(item: pytest.Item) -> float:
    """The limit actually in force: a marker, the command line, the environment or the ini file (`-o timeout=`)."""
    marker = item.get_closest_marker("timeout")
    if marker and marker.args:
        return float(marker.args[0])
    for given in (
        item.config.getoption("timeout", default=None),
        os.environ.get("PYTEST_TIMEOUT"),
        item.config.getini("timeout") if "timeout" in item.config._parser._inidict else None,
    ):
        if given not in (None, ""):
            return float(given)
    return DEFAULT_TIMEOUT_SECONDS
