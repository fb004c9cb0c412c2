"""Report flags: what an instructor should look at, found on the files themselves, never changing a verdict.

No kata is checked here: the rows are made up (a state and a message as the
checks would give), the files are real, and `flags.annotate` adds what it finds.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from autokata import course, stubs
from autokata.report import flags, formats
from autokata.report.results import MISSING, KataResult, LearnerResult, missing
from autokata.runner import State

SENTIMENT = course.find("05")
REFERENCE = stubs.solution(SENTIMENT).decode()
STUB = stubs.stub(SENTIMENT).decode()
OWN_ANSWER = '''
from transformers import AutoModelForSequenceClassification


def load_classifier(path):
    return AutoModelForSequenceClassification.from_pretrained(path)
'''


def reformatted(source: str) -> str:
    """The same code with other formatting, comments and docstring: what a copier does to hide a copy."""
    lines = ['"""My own work, honestly."""', "# kata 05", ""]
    for line in source.splitlines():
        if line.strip().startswith('"""') and line.strip().endswith('"""') and len(line.strip()) > 6:
            continue  # drop one-line docstrings
        lines.append(line.rstrip() + ("  # mine" if line.strip().startswith("return") else ""))
    return "\n".join(lines) + "\n\n\n"


def learner(folder: Path, name: str, source: str | None, state: str = State.SOLVED.value) -> LearnerResult:
    (folder / name).mkdir(parents=True, exist_ok=True)
    if source is None:
        return LearnerResult(name, str(folder / name), (missing(SENTIMENT, folder / name),))
    file = folder / name / SENTIMENT.filename
    file.write_text(source)
    message = "" if state == State.SOLVED.value else "a lesson"
    return LearnerResult(name, str(folder / name), (KataResult("05", str(file), state, message, 0.5),))


def annotated(tmp_path: Path, **sources: str | None) -> dict[str, KataResult]:
    learners = [learner(tmp_path, name, source) for name, source in sources.items()]
    return {result.name: result.katas[0] for result in flags.annotate(learners, [SENTIMENT])}


def test_a_copy_of_the_reference_solution_is_flagged_even_reformatted_and_recommented(tmp_path):
    rows = annotated(tmp_path, verbatim=REFERENCE, disguised=reformatted(REFERENCE), own=OWN_ANSWER)
    assert flags.REFERENCE in rows["verbatim"].flags
    assert flags.REFERENCE in rows["disguised"].flags
    assert rows["own"].flags == ()


def test_two_learners_with_the_same_normalised_file_are_flagged_with_each_others_names(tmp_path):
    other = OWN_ANSWER.replace("path)", "path, num_labels=2)")
    rows = annotated(tmp_path, alice=OWN_ANSWER, bob=reformatted(OWN_ANSWER), carol=other)
    assert rows["alice"].flags == (flags.IDENTICAL + "bob",)
    assert rows["bob"].flags == (flags.IDENTICAL + "alice",)
    assert rows["carol"].flags == ()


def test_untouched_stubs_and_missing_files_are_not_identical_attempts(tmp_path):
    rows = annotated(tmp_path, alice=STUB, bob=STUB, carol=None, dave=None)
    assert all(row.flags == () for row in rows.values())


def test_importing_autokata_or_naming_its_files_is_flagged_but_a_docstring_about_it_is_not(tmp_path):
    rows = annotated(
        tmp_path,
        imports="import autokata.checks\n" + OWN_ANSWER,
        from_import="from autokata.kit import profiles\n" + OWN_ANSWER,
        reads="CHECKS = open('/usr/lib/python3/site-packages/autokata/checks/05_sentiment.py').read()\n" + OWN_ANSWER,
        dynamic="mod = __import__('AutoKata'.lower())\n" + OWN_ANSWER,
        mentions='"""Run `pytest katas/05_sentiment.py`. Stuck? `autokata hint 05`."""\n' + OWN_ANSWER,
    )
    for name in ("imports", "from_import", "reads", "dynamic"):
        assert flags.USES_AUTOKATA in rows[name].flags, name
    assert rows["mentions"].flags == ()


def test_a_conftest_or_other_python_files_in_the_folder_flag_every_kata_of_that_learner(tmp_path):
    found = learner(tmp_path, "carol", OWN_ANSWER)
    (tmp_path / "carol" / "conftest.py").write_text("def pytest_runtest_call(item): pass\n")
    (tmp_path / "carol" / "helpers").mkdir()
    (tmp_path / "carol" / "helpers" / "cheat.py").write_text("X = 1\n")
    (tmp_path / "carol" / ".venv" / "lib").mkdir(parents=True)  # an environment is not the learner's code
    (tmp_path / "carol" / ".venv" / "lib" / "site.py").write_text("")
    plain = learner(tmp_path, "dave", OWN_ANSWER.replace("path)", "path)  "))
    (tmp_path / "dave" / "__pycache__").mkdir()
    (tmp_path / "dave" / "__pycache__" / "x.py").write_text("")
    carol, dave = flags.annotate([found, plain], [SENTIMENT])
    assert carol.katas[0].flags[-2:] == (flags.CONFTEST, flags.OTHER_PYTHON)
    assert flags.OTHER_PYTHON not in dave.katas[0].flags and flags.CONFTEST not in dave.katas[0].flags


def test_flags_never_change_a_verdict(tmp_path):
    learners = [
        learner(tmp_path, "copier", REFERENCE, State.SOLVED.value),
        learner(tmp_path, "twin", REFERENCE, State.FAILING.value),  # (a made-up verdict: kept as given)
        learner(tmp_path, "absent", None),
    ]
    after = flags.annotate(learners, [SENTIMENT])
    for before, flagged in zip(learners, after):
        assert [(r.state, r.message, r.seconds) for r in before.katas] == [
            (r.state, r.message, r.seconds) for r in flagged.katas
        ]
    assert after[2].katas[0].state == MISSING


def test_flags_appear_in_the_json_the_csv_and_the_table(tmp_path):
    learners = flags.annotate(
        [learner(tmp_path, "alice", REFERENCE), learner(tmp_path, "bob", OWN_ANSWER, State.FAILING.value)],
        [SENTIMENT],
    )
    data = formats.as_json(learners, [SENTIMENT], seed=7)
    assert data["seed"] == 7
    assert [row["flags"] for person in data["learners"] for row in person["katas"]] == [[flags.REFERENCE], []]
    json.dumps(data)  # plain JSON all the way down
    csv_file = tmp_path / "grades.csv"
    formats.write_csv(csv_file, learners, [SENTIMENT], seed=7)
    with csv_file.open(encoding=formats.CSV_ENCODING, newline="") as opened:
        rows = list(csv.DictReader(opened))
    assert [(row["flags"], row["seed"]) for row in rows] == [(f"05 {flags.REFERENCE}", "7"), ("", "7")]
    lines = formats.table(learners, [SENTIMENT], seed=7)
    assert lines[1].split()[1] == formats.SYMBOLS[State.SOLVED.value] + formats.FLAG_MARK
    assert lines[2].split()[1] == formats.SYMBOLS[State.FAILING.value]
    assert formats.FLAG_LINE.format(learner="alice", kata="05", words=flags.described(flags.REFERENCE)) in lines
    assert formats.SEED_LINE.format(seed=7) in lines
