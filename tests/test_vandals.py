"""One kata's file can never change another kata's verdict.

A "vandal" attempt at every kata changes everything it is handed (the model's
dtype, weights, config and generation config, the tokenizer's padding side,
pad token and length limit, every list and dict), and a zoo folder it is given
a path to. Its katas fail; then the reference solutions of every kata, checked
in the same process after them, must all stay solved.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from autokata import course
from tests.helpers import ROOT, run_pytest

VANDALISM = '''
import os

import torch


def _vandalize(value):
    """Change everything that can be changed about what this function was handed."""
    if isinstance(value, torch.nn.Module):
        with torch.no_grad():
            for parameter in value.parameters():
                parameter.mul_(-3.0).add_(1.0)
        value.to(torch.bfloat16)
        value.train()
        value.config.pad_token_id = 1
        value.config.id2label = {0: "vandal"}
        value.config.output_hidden_states = True
        if getattr(value, "generation_config", None) is not None:
            value.generation_config.do_sample = True
            value.generation_config.num_beams = 3
            value.generation_config.max_new_tokens = 1
    elif hasattr(value, "padding_side"):
        value.padding_side = "left" if value.padding_side == "right" else "right"
        value.truncation_side = "left"
        value.add_special_tokens({"pad_token": "<vandal>"})
        value.model_max_length = 3
        value.chat_template = "vandal"
    elif isinstance(value, torch.Tensor) and value.is_floating_point():
        value.zero_()
    elif isinstance(value, list):
        value.reverse()
        value.append("vandal")
    elif isinstance(value, dict):
        value.clear()
    elif isinstance(value, str) and WRITE_INTO_FOLDERS and os.path.isfile(os.path.join(value, "config.json")):
        with open(os.path.join(value, "config.json"), "w") as config:
            config.write("{}")
'''


def vandal_source(kata: course.Kata, write_into_folders: bool) -> str:
    """The kata's functions with their signatures, each vandalising every argument it gets."""
    solution = ast.parse((ROOT / "solutions" / kata.filename).read_text())
    lines = [VANDALISM, f"WRITE_INTO_FOLDERS = {write_into_folders}", ""]
    for node in solution.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            names = [a.arg for a in node.args.args]
            lines.append(f"def {node.name}({ast.unparse(node.args)}):")
            lines += [f"    _vandalize({name})" for name in names] or ["    pass"]
            lines.append("    return None\n")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            lines.append("CLASS_FOR = {}")
    return "\n".join(lines)


def lay_out(tmp_path: Path, write_into_folders: bool) -> tuple[Path, Path]:
    vandals, solutions = tmp_path / "a_vandals", tmp_path / "b_solutions"
    vandals.mkdir()
    solutions.mkdir()
    for kata in course.KATAS:
        (vandals / kata.filename).write_text(vandal_source(kata, write_into_folders))
        (solutions / kata.filename).write_bytes((ROOT / "solutions" / kata.filename).read_bytes())
    return vandals, solutions


def verdicts(report_log: Path) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Per kata file (folder/NN_slug.py): the states its checks reached, and the messages of
    those that were not solved (so a lost verdict says why)."""
    found: dict[str, set[str]] = {}
    messages: dict[str, list[str]] = {}
    for line in report_log.read_text().splitlines():
        record = json.loads(line)
        if record.get("$report_type") != "TestReport" or record.get("when") != "call":
            continue
        properties = dict(record.get("user_properties", []))
        file = record["nodeid"].split("::", 1)[0]
        state = properties.get("autokata_state", record["outcome"])
        found.setdefault(file, set()).add(state)
        if state != "solved":
            messages.setdefault(file, []).append(str(properties.get("autokata_message", ""))[:600])
    return found, messages


@pytest.mark.parametrize(
    "workers, write_into_folders",
    [("0", True), ("2", False)],
    ids=["one process, vandals first, writing into zoo folders too", "two workers"],
)
def test_vandals_never_change_another_katas_verdict(tmp_path, workers, write_into_folders):
    vandals, solutions = lay_out(tmp_path, write_into_folders)
    log = tmp_path / "log.jsonl"
    run_pytest(vandals.name, solutions.name, "-n", workers, f"--report-log={log}",
               cwd=tmp_path, timeout=900)
    found, messages = verdicts(log)
    for kata in course.KATAS:
        assert found[f"{vandals.name}/{kata.filename}"] != {"solved"}, f"the vandal of {kata.code} was solved"
        solution = f"{solutions.name}/{kata.filename}"
        assert found[solution] == {"solved"}, f"{kata.filename} lost its verdict: {messages.get(solution)}"


def test_the_shared_references_reach_learner_code_only_as_copies(tmp_path):
    """Even a check that passed a shared reference by mistake hands over a private copy."""
    import torch

    from autokata import runner, zoo
    from autokata.kit import checkpoints
    from autokata.kit.attempt import Attempt

    runner.prepare()
    zoo.ensure()
    file = tmp_path / "01_embeddings.py"
    file.write_text(VANDALISM + "WRITE_INTO_FOLDERS = False\n\n"
                    "def embed(model, tokenizer, texts):\n"
                    "    for value in (model, tokenizer, texts):\n"
                    "        _vandalize(value)\n"
                    "    return model, tokenizer\n")
    model, tokenizer = checkpoints.reference("AutoModel", "bert"), checkpoints.tokenizer("bert")
    texts = ["one text"]
    before = {k: v.clone() for k, v in model.state_dict().items()}
    side, pad, length = tokenizer.padding_side, tokenizer.pad_token, len(tokenizer)
    got_model, got_tokenizer = Attempt.load(file).embed(model, tokenizer, texts)
    assert got_model is not model and got_tokenizer is not tokenizer
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert model.dtype == torch.float32 and not model.training and model.config.pad_token_id != 1
    assert (tokenizer.padding_side, tokenizer.pad_token, len(tokenizer)) == (side, pad, length)
    assert texts == ["one text"]
    again = Attempt.load(file)
    assert again.embed(got_model, got_tokenizer, [])[0] is got_model  # the learner's own object goes back as it is


def test_a_learner_process_changes_its_own_copies_only(tmp_path):
    """What the learner does to its arguments comes back into the check's private copies (so a
    lesson can look at it), never into a shared reference another check computes against."""
    import torch

    from autokata import runner, zoo
    from autokata.judge.proxy import RemoteAttempt
    from autokata.kit import checkpoints

    runner.prepare()
    zoo.ensure()
    file = tmp_path / "01_embeddings.py"
    file.write_text(VANDALISM + "WRITE_INTO_FOLDERS = False\n\n"
                    "def embed(model, tokenizer, texts):\n"
                    "    for value in (model, tokenizer, texts):\n"
                    "        _vandalize(value)\n"
                    "    return model\n")
    shared, tokenizer = checkpoints.reference("AutoModel", "bert"), checkpoints.tokenizer("bert")
    private = checkpoints.private_copy("AutoModel", "bert")
    before = {k: v.clone() for k, v in shared.state_dict().items()}
    side = tokenizer.padding_side
    attempt = RemoteAttempt.load(file)
    try:
        returned = attempt.embed(shared, tokenizer, ["one text"])
        attempt.embed(private, checkpoints.private_tokenizer("bert"), [])
    finally:
        attempt.close()
    assert all(torch.equal(before[k], v) for k, v in shared.state_dict().items())
    assert shared.dtype == torch.float32 and tokenizer.padding_side == side
    assert returned is not shared and returned.dtype == torch.bfloat16  # the learner's own model, as data
    assert private.dtype == torch.bfloat16 and private.config.pad_token_id == 1  # the check sees what it did
