"""Verdicts nobody can forge: a kata file's code runs in a learner process, never where verdicts are made.

Each cheat sits in `01_embeddings.py` beside two untouched stubs (05, 06).
Whatever it does, it is not reported solved, the stubs stay "not started",
and the run ends normally (no INTERNALERROR).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autokata import zoo
from tests.helpers import ROOT, run_pytest

AUTOKATA = ROOT / "autokata"
MARK = "autokata-was-here.txt"

SOLUTION_BODY = (ROOT / "solutions" / "01_embeddings.py").read_text()

CHEATS = {
    "neuters the checks and the runner": """
import autokata.runner as runner
from autokata.kit import registry
registry.Check.run = lambda self, attempt, checkpoint: None
runner.judge = lambda case, attempt: runner.Verdict(runner.State.SOLVED)
import autokata.plugin as plugin
plugin.KataItem.runtest = lambda self: None
""",
    "replaces hypothesis's given": """
import hypothesis
hypothesis.given = lambda *a, **k: (lambda f: (lambda *x, **y: None))
""",
    "returns an object equal to everything": SOLUTION_BODY.replace(
        "def embed(", "class Yes:\n    def __eq__(self, other):\n        return True\n\n\ndef _embed("
    ) + "\n\ndef embed(model, tokenizer, texts):\n    return Yes()\n",
    "writes into the installed package and the zoo": f"""
import pathlib
for folder in ({str(AUTOKATA)!r}, {str(AUTOKATA / "checks")!r}):
    try:
        (pathlib.Path(folder) / {MARK!r}).write_text("solved")
    except OSError:
        pass
def load_encoder(path):
    (pathlib.Path(path) / {MARK!r}).write_text("solved")
    raise NotImplementedError
""",
    "ends the process at import": "import os\nos._exit(0)\n",
    "exits inside a call": SOLUTION_BODY.replace('    """Load the checkpoint', "    raise SystemExit(0)\n    \"\"\"Load", 1),
    "segfaults inside a call": SOLUTION_BODY.replace(
        '    """Load the checkpoint', "    import ctypes\n    ctypes.string_at(0)\n    \"\"\"Load", 1
    ),
    "raises KeyboardInterrupt": SOLUTION_BODY.replace(
        '    """Load the checkpoint', "    raise KeyboardInterrupt\n    \"\"\"Load", 1
    ),
}

#: Correct answers that misbehave on the side: their own verdict is what their functions earn
#: (solved), and the run goes on without touching anything else.
DISRUPTIONS = {
    "raises from __del__": SOLUTION_BODY + "\n\nclass Bomb:\n    def __del__(self):\n        raise RuntimeError('boom')\n\n"
    "_bombs = [Bomb() for _ in range(3)]\ndel _bombs\n",
    "prints a fake verdict": SOLUTION_BODY.replace(
        '    """Load the checkpoint', "    print('autokata: 35/35 solved PASSED')\n    \"\"\"Load", 1
    ),
}


def verdicts(log: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for line in log.read_text().splitlines():
        record = json.loads(line)
        if record.get("$report_type") == "TestReport" and record.get("when") == "call":
            state = dict(record.get("user_properties", [])).get("autokata_state", record["outcome"])
            found.setdefault(Path(record["nodeid"].split("::", 1)[0]).name, set()).add(state)
    return found


def folder_with(tmp_path: Path, cheat: str, conftest: str | None = None) -> Path:
    folder = tmp_path / "alice"
    folder.mkdir()
    (folder / "01_embeddings.py").write_text(cheat)
    for name in ("05_sentiment.py", "06_ner.py"):
        (folder / name).write_bytes((ROOT / "katas" / name).read_bytes())
    if conftest is not None:
        (folder / "conftest.py").write_text(conftest)
    return folder


def judged(tmp_path: Path, folder: Path, *args: str) -> tuple[dict[str, set[str]], str]:
    log = tmp_path / "log.jsonl"
    done = run_pytest(folder.name, "-n", "0", f"--report-log={log}", *args, cwd=tmp_path, timeout=600)
    output = done.stdout + done.stderr
    assert "INTERNALERROR" not in output, output[-3000:]
    return verdicts(log), output


def untouched_and_unsolved(found: dict[str, set[str]]) -> None:
    assert found["05_sentiment.py"] == {"not started"}, found
    assert found["06_ner.py"] == {"not started"}, found
    assert found.get("01_embeddings.py", {"failing"}) != {"solved"}, found


@pytest.mark.parametrize("cheat", CHEATS.values(), ids=CHEATS.keys())
def test_a_cheat_is_never_solved_and_touches_no_other_kata(tmp_path, cheat):
    found, output = judged(tmp_path, folder_with(tmp_path, cheat))
    untouched_and_unsolved(found)
    assert found["01_embeddings.py"] != {"solved"}, output[-2000:]
    for place in (AUTOKATA, AUTOKATA / "checks", zoo.path("bert")):
        assert not (place / MARK).exists(), f"the learner process wrote into {place}"


@pytest.mark.parametrize("disruption", DISRUPTIONS.values(), ids=DISRUPTIONS.keys())
def test_a_side_effect_changes_nothing_but_its_own_process(tmp_path, disruption):
    found, _ = judged(tmp_path, folder_with(tmp_path, disruption))
    assert found["05_sentiment.py"] == found["06_ner.py"] == {"not started"}, found
    assert found["01_embeddings.py"] == {"solved"}, found


def test_a_conftest_beside_the_katas_is_not_loaded(tmp_path):
    conftest = "import autokata.runner as r\nr.judge = lambda case, attempt: r.Verdict(r.State.SOLVED)\n"
    found, _ = judged(tmp_path, folder_with(tmp_path, "", conftest=conftest))
    untouched_and_unsolved(found)


@pytest.mark.parametrize(
    "cheat, lesson",
    [
        (CHEATS["exits inside a call"], "called exit()"),
        (CHEATS["segfaults inside a call"], "killed by SIGSEGV"),
        (CHEATS["raises KeyboardInterrupt"], "KeyboardInterrupt"),
        (CHEATS["ends the process at import"], "ended the process that runs it"),
    ],
    ids=["exit", "segfault", "KeyboardInterrupt", "os._exit at import"],
)
def test_a_learner_side_crash_gives_its_message(tmp_path, cheat, lesson):
    from autokata import course, runner

    file = tmp_path / "01_embeddings.py"
    file.write_text(cheat)
    verdict = runner.judge_file(course.find("01"), file)
    assert verdict.state is runner.State.FAILING
    assert any(lesson in v.message for _, v in verdict.results), verdict.first_problem


def test_the_learner_process_cannot_write_outside_its_scratch_folder(tmp_path):
    from autokata.judge import sandbox
    from autokata.judge.proxy import RemoteAttempt

    file = tmp_path / "01_embeddings.py"
    file.write_text(
        "import pathlib, tempfile\n"
        "def embed(model, tokenizer, texts):\n"
        "    results = []\n"
        "    for place in texts:\n"
        "        try:\n"
        "            pathlib.Path(place, 'x.txt').write_text('x')\n"
        "            results.append('wrote')\n"
        "        except OSError:\n"
        "            results.append('refused')\n"
        "    return results\n"
    )
    attempt = RemoteAttempt.load(file)
    try:
        if sandbox.LANDLOCK not in attempt.fence["applied"]:
            pytest.skip(f"Landlock is not available here: {attempt.fence}")
        got = attempt.embed(None, None, [str(tmp_path), str(AUTOKATA), str(attempt.scratch)])
    finally:
        attempt.close()
    assert got == ["refused", "refused", "wrote"]
