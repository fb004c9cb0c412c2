"""Hidden checks for kata 25: a GenerationConfig saved with the model drives a bare generate() after reload."""

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail, generation
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

HINTS = (
    "Decoding defaults live in `model.generation_config`, and `save_pretrained` writes them to their own "
    "file next to the weights. Set them before you save.",
    "`model.generation_config.max_new_tokens = max_new_tokens` and "
    "`model.generation_config.num_beams = num_beams`, then `model.save_pretrained(out_dir)`.",
    "Save the tokenizer into the same folder (`tokenizer.save_pretrained(out_dir)`), so "
    "`from_pretrained(out_dir)` finds both.",
)

IN_MEMORY_LESSON = (
    "The reloaded model's bare generate() does not use your values: they never reached "
    "`generation_config.json` in out_dir. Set them on `model.generation_config` before `save_pretrained`; "
    "values changed afterwards (or passed to one generate call) stay in memory."
)
PARTIAL_LESSON = (
    "Only part of your defaults reached `generation_config.json`: a bare generate() needs both "
    "`max_new_tokens` and `num_beams` there (`max_length` is another setting: it counts the prompt too)."
)
WRONG_FILE_LESSON = (
    "Your values were saved, but in the wrong file: from_pretrained reads generation defaults only from "
    "`generation_config.json`. Let `model.save_pretrained` write it from `model.generation_config`."
)
MODEL_CONFIG_LESSON = (
    "You put generation settings into `model.config` (config.json), which describes the network, not how "
    "to decode; transformers refuses to save that. Set them on `model.generation_config` instead."
)
NOT_SAVED_LESSON = "out_dir does not hold a model that `AutoModelForCausalLM.from_pretrained(out_dir)` can load."
TOKENIZER_LESSON = (
    "out_dir holds no usable tokenizer: save it next to the model (`tokenizer.save_pretrained(out_dir)`) "
    "so whoever loads the folder can encode prompts."
)
VALUE_LESSON = (
    "A bare generate() on the reloaded model used your values but produced other tokens than the "
    "checkpoint would: save the model you loaded from `path`, unchanged."
)

_SETTINGS = ("max_new_tokens", "num_beams")


def _set_defaults(attempt, name: str, out_dir: Path, drawn: dict) -> None:
    try:
        attempt.set_defaults(m.checkpoint(name), str(out_dir), drawn["max_new_tokens"], drawn["num_beams"])
    except LearnerCrash as crash:
        if "generation_config" in str(crash) and "model.config" in str(crash):
            fail(MODEL_CONFIG_LESSON, on=name, **drawn, the_error_said=str(crash).splitlines()[-1])
        raise


def _reload(out_dir: Path, name: str, drawn: dict):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        model = AutoModelForCausalLM.from_pretrained(out_dir).eval()
    except Exception as error:  # noqa: BLE001 - whatever the folder lacks, the learner gets one lesson
        fail(NOT_SAVED_LESSON, on=name, **drawn, files=_files(out_dir), the_error_said=str(error).splitlines()[0])
    try:
        tokenizer = AutoTokenizer.from_pretrained(out_dir)
    except Exception:  # noqa: BLE001
        fail(TOKENIZER_LESSON, on=name, **drawn, files=_files(out_dir))
    probe = "the cat sat on the mat"
    if tokenizer(probe)["input_ids"] != m.tokenizer(name)(probe)["input_ids"]:
        fail(TOKENIZER_LESSON, on=name, **drawn, files=_files(out_dir))
    return model, tokenizer


def _files(out_dir: Path) -> list[str]:
    return sorted(p.name for p in out_dir.iterdir()) if out_dir.is_dir() else []


def _saved_values(file: Path) -> dict:
    try:
        data = json.loads(file.read_text())
    except (OSError, ValueError):
        return {}
    return {k: data.get(k) for k in _SETTINGS} if isinstance(data, dict) else {}


def _where_the_values_went(out_dir: Path, name: str, shown: dict) -> None:
    """Tell a value stored in another file from one never stored at all."""
    wanted = {k: shown[k] for k in _SETTINGS}
    for file in sorted(out_dir.rglob("*.json")):
        if file.name != "generation_config.json" and _saved_values(file) == wanted:
            fail(WRONG_FILE_LESSON, on=name, **shown, found_in=str(file.relative_to(out_dir)))
    saved = _saved_values(out_dir / "generation_config.json")
    lesson = PARTIAL_LESSON if any(saved.get(k) == v for k, v in wanted.items()) else IN_MEMORY_LESSON
    fail(lesson, on=name, **shown, generation_config_json=saved)


@check("a bare generate() on the reloaded out_dir uses the saved max_new_tokens and num_beams", family=zoo.DECODERS)
def saved_defaults_drive_bare_generate(attempt, name):
    @given(budget=st.integers(2, 6), beams=st.integers(2, 4), prompt=s.sentences(1, 5))
    def prop(budget, beams, prompt):
        drawn = dict(max_new_tokens=budget, num_beams=beams)
        with tempfile.TemporaryDirectory() as tmp:
            out_dir = Path(tmp) / "served"
            _set_defaults(attempt, name, out_dir, drawn)
            model, tokenizer = _reload(out_dir, name, drawn)
            m.expect_loaded(model, name)
            batch = tokenizer(prompt, return_tensors="pt")
            with generation.generation_requests() as seen:
                out = model.generate(**batch)
            used = {k: getattr(seen[0], k) for k in _SETTINGS}
            if used != drawn:
                _where_the_values_went(out_dir, name, dict(drawn, bare_generate_used=used))
            if _saved_values(out_dir / "generation_config.json") != drawn:
                _where_the_values_went(out_dir, name, dict(drawn))
        got = generation.new_token_ids(model, batch["input_ids"], out).tolist()
        expected = generation.reference_generate(
            m.reference("AutoModelForCausalLM", name), m.tokenizer(name), prompt, max_new_tokens=budget, num_beams=beams
        )
        if got != expected:
            fail(VALUE_LESSON, on=name, **drawn, prompt=prompt, expected_ids=expected, got_ids=got)

    prop()
