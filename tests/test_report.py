"""`autokata report` over generated learner folders: right, wrong and broken attempts at kata 01.

One report runs once for the module, in parallel over two workers, with a
short time limit for the endless loop; each test reads its rows back from the
table, the JSON and the CSV. A last test proves that plain pytest, with
`--junitxml` and `--report-log`, grades the same folders for CI.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from autokata import course, report, runner
from autokata.cli import checker
from autokata.item_properties import MESSAGE_PROPERTY, STATE_PROPERTY
from autokata.report import flags, formats, results
from tests.helpers import ROOT, SOLUTION, STUB, run_pytest, solution_source, write_kata
from tests.test_katas import expected_phrase

EMBEDDINGS = course.find("01")
TIME_LIMIT = 30.0
MUTANTS = sorted((ROOT / "tests" / "mutants" / "01_embeddings").glob("*.py"))
SYNTAX_ERROR = ("-> torch.Tensor:", "-> torch.Tensor")
ENDLESS_LOOP = ("    return AutoModel.from_pretrained(path)", "    while True:\n        pass")


#: learner folder -> (what it holds, the state and a part of the message its row must show)
LEARNERS: dict[str, tuple[Path | str | None, str, str]] = {
    "right": (SOLUTION, runner.State.SOLVED.value, ""),
    **{f"wrong_{m.stem}": (m, runner.State.FAILING.value, expected_phrase(m)) for m in MUTANTS},
    "not_started": (STUB, runner.State.NOT_STARTED.value, "still raises NotImplementedError"),
    "syntax_error": (solution_source(SYNTAX_ERROR), runner.State.FAILING.value, "a syntax error at line"),
    "endless_loop": (
        solution_source(ENDLESS_LOOP),
        results.TIMEOUT,
        checker.TIMEOUT_LESSON.format(seconds=TIME_LIMIT),
    ),
    "missing": (None, results.MISSING, ""),
}


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    return parser.parse_args(argv)


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("class")
    for name, (content, _, _) in LEARNERS.items():
        (root / name).mkdir()
        if content is not None:
            write_kata(root / name, content)
    return root


@pytest.fixture(scope="module")
def reported(class_folder: Path) -> tuple[int, str, Path, Path]:
    """Run the report once: exit code, stdout, and the JSON and CSV files it wrote."""
    folders = [str(class_folder / name) for name in LEARNERS]
    json_file, csv_file = class_folder / "report.json", class_folder / "report.csv"
    args = parse(
        "--kata", "01", "--jobs", "2", "--time-limit", str(TIME_LIMIT),
        "--json", str(json_file), "--csv", str(csv_file), "--html", str(class_folder / "grades.html"), *folders,
    )  # fmt: skip
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = report.run(args)
    return code, out.getvalue(), json_file, csv_file


def test_the_report_has_one_row_per_learner_with_its_state_and_message(reported, class_folder):
    _, _, json_file, _ = reported
    learners = json.loads(json_file.read_text())["learners"]
    assert [learner["name"] for learner in learners] == list(LEARNERS)
    for learner in learners:
        content, state, message = LEARNERS[learner["name"]]
        (row,) = learner["katas"]
        assert (row["kata"], row["state"]) == ("01", state), (learner["name"], row["message"])
        assert row["file"] == str(class_folder / learner["name"] / EMBEDDINGS.filename)
        if state == results.MISSING:
            assert row["message"] == results.MISSING_MESSAGE.format(
                file=EMBEDDINGS.filename, folder=class_folder / "missing"
            )
            assert row["seconds"] is None
        else:
            assert message in row["message"] if message else row["message"] == ""
            assert row["seconds"] > 0
        assert (learner["solved"], learner["total"]) == (int(state == runner.State.SOLVED.value), 1)


def test_an_endless_loop_is_stopped_at_the_time_limit(reported):
    _, _, json_file, _ = reported
    (loop,) = [l for l in json.loads(json_file.read_text())["learners"] if l["name"] == "endless_loop"]
    assert TIME_LIMIT <= loop["katas"][0]["seconds"] < TIME_LIMIT + 10


def test_the_json_follows_the_documented_schema(reported, class_folder):
    code, _, json_file, _ = reported
    data = json.loads(json_file.read_text())
    assert code == 0
    assert set(data) == {"schema", "protection", "generated_at", "seed", "course", "learners"}
    assert data["seed"] is None
    assert data["schema"] == formats.SCHEMA
    assert datetime.fromisoformat(data["generated_at"].replace("Z", "+00:00")).tzinfo is not None
    assert data["course"] == [{"kata": "01", "file": EMBEDDINGS.filename, "title": EMBEDDINGS.title, "track": "A"}]
    for learner in data["learners"]:
        assert set(learner) == {"name", "folder", "katas", "solved", "total"}
        assert learner["folder"] == str(class_folder / learner["name"])
        assert all(set(row) == {"kata", "file", "state", "message", "seconds", "flags"} for row in learner["katas"])
        assert all(row["state"] in results.STATES for row in learner["katas"])


def test_the_csv_has_a_row_per_learner_and_a_column_per_kata(reported, class_folder):
    _, _, _, csv_file = reported
    with csv_file.open(encoding=formats.CSV_ENCODING, newline="") as opened:
        rows = list(csv.DictReader(opened))
    solved = {name: int(state == runner.State.SOLVED.value) for name, (_, state, _) in LEARNERS.items()}
    flagged = {"right": f"01 {flags.REFERENCE}"}  # a copy of the reference solution, flagged, still solved
    assert rows == [
        {
            "learner": name,
            "folder": str(class_folder / name),
            "01_embeddings": state,
            "solved": str(solved[name]),
            "total": "1",
            "flags": flagged.get(name, ""),
            "seed": "",
        }
        for name, (_, state, _) in LEARNERS.items()
    ]


def test_stdout_shows_a_table_with_a_symbol_per_learner_and_kata(reported):
    _, out, json_file, csv_file = reported
    lines = out.splitlines()
    assert lines[0].split() == [formats.TABLE_HEADER_NAME, "01", formats.TABLE_HEADER_TOTAL]
    for name, (_, state, _) in LEARNERS.items():
        row = next(line for line in lines if line.split()[:1] == [name])
        mark = formats.FLAG_MARK if name == "right" else ""  # the reference solution's copy is flagged
        assert row.split()[1:] == [formats.SYMBOLS[state] + mark, f"{int(state == runner.State.SOLVED.value)}/1"]
    assert formats.LEGEND in lines
    html_file = json_file.parent / "grades.html"
    assert lines[-3:] == [report.command.WROTE.format(file=f) for f in (json_file, csv_file, html_file)]


def test_the_html_gradebook_has_a_row_per_learner_with_the_lessons_on_hover(reported):
    _, _, json_file, _ = reported
    page = (json_file.parent / "grades.html").read_text()
    for name, (_, state, message) in LEARNERS.items():
        assert f'data-learner="{name}"' in page
        if message:
            assert html.escape(message.splitlines()[0], quote=True) in page


def test_a_nonsense_option_value_is_a_usage_error_that_says_why(capsys):
    with pytest.raises(SystemExit) as exit:
        parse("--jobs", "0", "somewhere")
    assert exit.value.code == 2
    assert report.command.NOT_POSITIVE.format(number="whole number", given="0") in capsys.readouterr().err


def test_a_kata_whose_checks_have_not_landed_is_refused_up_front(monkeypatch, capsys):
    monkeypatch.setattr(report.command, "checks_exist", lambda kata: kata is not EMBEDDINGS)
    assert report.run(parse("--kata", "01", "anywhere")) == 2
    assert capsys.readouterr().err.strip() == report.command.NO_CHECKS.format(code="01")


def test_pytest_grades_learner_folders_for_ci_with_junitxml_and_report_log(tmp_path):
    write_kata(tmp_path / "alice", SOLUTION)
    write_kata(tmp_path / "bob", MUTANTS[0])
    result = run_pytest("alice", "bob", "--junitxml=grades.xml", "--report-log=grades.jsonl", cwd=tmp_path)
    assert result.returncode == 1, result.stdout[-2000:]
    junit: dict[str, list[dict[str, str]]] = {}
    for case in ET.parse(tmp_path / "grades.xml").iter("testcase"):
        properties = {p.get("name"): p.get("value") for p in case.iter("property")}
        junit.setdefault(case.get("classname").split(".")[0], []).append(properties)
    logged: dict[str, list[dict[str, str]]] = {}
    for line in (tmp_path / "grades.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry.get("$report_type") == "TestReport" and entry["when"] == "call":
            logged.setdefault(entry["nodeid"].split("/")[0], []).append(dict(entry["user_properties"]))
    for graded in (junit, logged):
        assert {p[STATE_PROPERTY] for p in graded["alice"]} == {runner.State.SOLVED.value}
        assert runner.State.FAILING.value in {p[STATE_PROPERTY] for p in graded["bob"]}
        assert any(expected_phrase(MUTANTS[0]) in p.get(MESSAGE_PROPERTY, "") for p in graded["bob"])
