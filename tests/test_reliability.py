"""Bad learner code gets a clear message, and every other kata in the run is still checked.

One pytest run checks a folder per broken variant of kata 01 beside a folder
holding the correct answer; each broken one must fail with its own kind of
message, the correct one must still pass.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from autokata import zoo
from tests.helpers import NOISE, SOLUTION, run_pytest, solution_source, write_kata

LOAD = "    return AutoModel.from_pretrained(path)"
BATCH = '    batch = tokenizer(texts, padding=True, return_tensors="pt")'
RESULT = "    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)"

BROKEN = {
    "syntax_error": (("-> torch.Tensor:", "-> torch.Tensor"), "syntax error at line"),
    "indentation_error": ((BATCH, "  " + BATCH), "indentation error at line"),
    "misspelled_import": (("import AutoModel\n", "import AutoModle\n"), "Did you mean `AutoModel`?"),
    "renamed_function": (("def embed(", "def embedding("), "did you misname it or forget to define it?"),
    "wrong_parameters": (("def embed(model, tokenizer,", "def embed(model,"), "Keep the signature"),
    "returns_none": ((RESULT, "    return None"), "should return a torch.Tensor"),
    "crash_inside_transformers": (
        (BATCH, BATCH + '\n    batch["input_ids"] = batch["input_ids"] + 10**6'),
        "IndexError",
    ),
    "infinite_loop": ((LOAD, "    while True:\n        pass"), "still running after"),
    "hub_model_id": ((LOAD, '    return AutoModel.from_pretrained("bert-base-uncased")'), "Katas run offline"),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Run every broken variant and the correct answer in one pytest run; keep messages per folder."""
    root = tmp_path_factory.mktemp("learners")
    write_kata(root / "correct", SOLUTION)
    for name, (swap, _) in BROKEN.items():
        write_kata(root / name, solution_source(swap))
    result = run_pytest(".", "--timeout=15", "--junitxml=report.xml", cwd=root, timeout=600)
    messages: dict[str, list[str]] = {}
    for case in ET.parse(root / "report.xml").iter("testcase"):
        folder = case.get("classname").split(".")[0]
        messages.setdefault(folder, [])
        for failure in case.iter("failure"):
            messages[folder].append(failure.get("message", "") + (failure.text or ""))
    return result, messages


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_code_fails_with_a_message_that_says_what_happened(checked, name):
    _, messages = checked
    expected = BROKEN[name][1]
    assert messages[name], f"{name} was not rejected"
    assert any(expected in message for message in messages[name]), messages[name][:1]


def test_the_correct_kata_in_the_same_run_still_passes(checked):
    result, messages = checked
    assert messages["correct"] == []
    assert "Traceback" not in result.stdout


def test_a_crash_shows_the_learners_own_frames_and_folds_the_library(checked):
    _, messages = checked
    crash = next(m for m in messages["crash_inside_transformers"] if "IndexError" in m)
    assert "01_embeddings.py, line" in crash and "inside libraries" in crash
    assert "site-packages" not in crash


def test_printing_a_lot_stays_captured(tmp_path):
    write_kata(tmp_path, solution_source((LOAD, '    print("x" * 100_000)\n' + LOAD)))

    result = run_pytest(".", cwd=tmp_path)

    assert result.returncode == 0 and "xxxxxxxxxx" not in result.stdout
    assert len(result.stdout.splitlines()) < 20


def test_saving_into_a_checkpoint_folder_is_refused_with_a_lesson(tmp_path):
    sabotage = LOAD.replace("return ", "model = ") + "\n    model.save_pretrained(path)\n    (Path(path) / 'junk.txt').write_text('x')\n    return model"
    source = "from pathlib import Path\n" + solution_source((LOAD, sabotage))
    write_kata(tmp_path, source)

    result = run_pytest(".", cwd=tmp_path)

    assert result.returncode == 1 and "read-only" in result.stdout, result.stdout
    assert zoo.matches_manifest(zoo.zoo_dir())


def test_no_library_noise_reaches_the_learner(checked):
    result, _ = checked
    noisy = [line for line in (result.stdout + result.stderr).splitlines() if any(n in line for n in NOISE)]
    assert noisy == []


def test_a_kata_file_named_on_the_command_line_is_not_imported_by_pytest_itself(tmp_path):
    path = write_kata(tmp_path, solution_source(BROKEN["syntax_error"][0]))

    result = run_pytest(str(path), cwd=tmp_path)

    assert result.returncode == 1
    assert "syntax error at line" in result.stdout
    assert "error during collection" not in result.stdout
