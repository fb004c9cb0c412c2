"""The HTML gradebook (`autokata report --html`), opened in a real headless browser.

Chromium comes from the system packages: when it is missing, the fixture
installs it (`apt-get install chromium`, as root or through password-less
sudo); only where that is impossible are these tests skipped, saying why. The
rows are made up (states, lessons and flags as a report gives them), so no
kata is checked here; `tests/test_report.py` writes a gradebook from a real
report.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from autokata import course
from autokata.report import flags, html
from autokata.report.results import MISSING, TIMEOUT, KataResult, LearnerResult
from autokata.runner import State

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
KATAS = [course.find(code) for code in ("01", "05", "13", "21")]
LESSON = "AutoModel stops at hidden states: there is nothing to classify with."
#: learner -> the state of each kata in KATAS
STATES = {
    "alice": [State.SOLVED.value, State.SOLVED.value, State.SOLVED.value, State.SOLVED.value],
    "bob": [State.SOLVED.value, State.FAILING.value, State.NOT_STARTED.value, MISSING],
    "carol": [State.FAILING.value, State.SOLVED.value, TIMEOUT, State.NOT_STARTED.value],
}


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def chromium() -> str:
    """A headless Chromium, installed from the system packages when missing."""
    found = find_browser()
    if found:
        return found
    if shutil.which("apt-get") is None:
        pytest.skip("no Chromium, and no apt-get to install it with (install chromium to run this test)")
    if os.geteuid() == 0:
        command = ["sh", "-c", INSTALL]
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        command = ["sudo", "-n", "sh", "-c", INSTALL]
    else:
        pytest.skip("no Chromium, and no root or password-less sudo to `apt-get install chromium` with")
    try:
        installed = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    except subprocess.TimeoutExpired:
        pytest.skip("installing Chromium with apt-get took over 20 minutes")
    found = find_browser()
    if installed.returncode != 0 or not found:
        pytest.skip(f"`apt-get install chromium` failed: {(installed.stderr or installed.stdout)[-500:]}")
    return found


def rendered(browser: str, page: Path, tmp_path: Path) -> str:
    """The DOM after the browser has loaded and rendered the page (and a screenshot of it)."""
    common = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,800",
    ]  # fmt: skip
    shot = subprocess.run(
        [*common, f"--screenshot={tmp_path / 'page.png'}", page.as_uri()], capture_output=True, timeout=120
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    return dom.stdout


class Gradebook(HTMLParser):
    """The gradebook table as the browser left it: header katas, learner rows with their cells, the rates row."""

    def __init__(self) -> None:
        super().__init__()
        self.katas: list[str] = []
        self.rows: dict[str, list[dict[str, str]]] = {}
        self.totals: dict[str, str] = {}
        self.rates: list[str] = []
        self._row: str | None = None
        self._in: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag in ("link", "img", "script", "iframe") and (attrs.get("src") or attrs.get("href")):
            self.external.append(attrs.get("src") or attrs.get("href"))
        if tag == "th" and "kata" in classes:
            self.katas.append(attrs["data-kata"])
        elif tag == "tr" and "learner" in classes:
            self._row = attrs["data-learner"]
            self.rows[self._row] = []
        elif tag == "tr" and "rates" in classes:
            self._row = None
        elif tag == "td" and "cell" in classes and self._row:
            self.rows[self._row].append(attrs)
        elif tag == "td" and "total" in classes and self._row:
            self._in = "total"
        elif tag == "td" and "rate" in classes and "overall" not in classes:
            self._in = "rate"

    def handle_data(self, data):
        if self._in == "total" and self._row:
            self.totals[self._row] = data.strip()
        elif self._in == "rate":
            self.rates.append(data.strip())
        self._in = None


@pytest.fixture(scope="module")
def gradebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    learners = []
    for name, states in STATES.items():
        rows = tuple(
            KataResult(kata.code, f"class/{name}/{kata.filename}", state,
                       "" if state == State.SOLVED.value else f"{LESSON} ({name}, {kata.code}) <b>not bold</b>",
                       None if state == MISSING else 1.0)
            for kata, state in zip(KATAS, states)
        )  # fmt: skip
        learners.append(LearnerResult(name, f"class/{name}", rows))
    alice = learners[0]
    copied = dataclasses.replace(alice.katas[0], flags=(flags.REFERENCE,))
    learners[0] = dataclasses.replace(alice, katas=(copied, *alice.katas[1:]))
    page = tmp_path_factory.mktemp("gradebook") / "grades.html"
    html.write_html(page, learners, KATAS, "2025-11-24T21:54:00Z", seed=7)
    return page


@pytest.fixture(scope="module")
def parsed(chromium: str, gradebook: Path) -> Gradebook:
    """The gradebook as the browser rendered it (once for the module)."""
    found = Gradebook()
    found.feed(rendered(chromium, gradebook, gradebook.parent))
    return found


def test_the_gradebook_renders_one_row_per_learner_and_one_column_per_kata(parsed, gradebook):
    assert parsed.katas == [kata.code for kata in KATAS]
    assert list(parsed.rows) == list(STATES)
    for name, states in STATES.items():
        assert [cell["data-kata"] for cell in parsed.rows[name]] == parsed.katas
        assert [cell["data-state"] for cell in parsed.rows[name]] == states
    assert (gradebook.parent / "page.png").stat().st_size > 5000  # something was painted
    assert parsed.external == []  # self-contained: nothing fetched


def test_each_cell_shows_its_lesson_on_hover_and_its_flags(parsed):
    failing = parsed.rows["bob"][1]
    assert f"{LESSON} (bob, 05) <b>not bold</b>" in failing["title"]  # the lesson, as text
    assert "failing" in failing["class"]
    flagged = parsed.rows["alice"][0]
    assert "flagged" in flagged["class"] and flags.described(flags.REFERENCE) in flagged["title"]
    assert flagged["data-flags"] == flags.REFERENCE


def test_totals_per_learner_and_solve_rates_per_kata(parsed):
    assert parsed.totals == {"alice": "4/4", "bob": "1/4", "carol": "1/4"}
    assert parsed.rates == ["67%", "67%", "33%", "33%"]
