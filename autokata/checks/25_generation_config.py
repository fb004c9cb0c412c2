"""Hidden checks for kata 25: a GenerationConfig saved with the model drives a bare generate() after reload."""

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_spy, loading
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "generation_config", "GenerationConfig", "save_pretrained", "from_pretrained", "AutoModelForCausalLM",
    "AutoTokenizer",
)

LESSON = """\
Every generate() setting you do not pass comes from `model.generation_config`, a `GenerationConfig`
that lives beside `model.config` but apart from it: `model.config` describes the network (sizes,
layers, vocabulary), `model.generation_config` how to decode with it (new tokens, beams, sampling,
which token starts, ends and pads a text). `save_pretrained` writes it to its own file,
`generation_config.json`, and `from_pretrained` reads it back as the defaults of a bare
`model.generate(**inputs)`.

So: load with `AutoModelForCausalLM.from_pretrained(path)` and `AutoTokenizer.from_pretrained(path)`,
set `model.generation_config.max_new_tokens` and `model.generation_config.num_beams` on the object the
model already has, then `model.save_pretrained(out_dir)` and `tokenizer.save_pretrained(out_dir)`.

The pitfalls: values set after saving, or passed to one generate() call, stay in memory. Putting them
on `model.config` makes transformers refuse to save (generation settings there are an error in v5).
A JSON file of your own choosing in out_dir is never read. `max_length` counts the prompt too; it is
not the new-token budget. And replacing the whole object with a fresh
`GenerationConfig(max_new_tokens=..., num_beams=...)` throws away what the checkpoint had: its
`bos_token_id`, `eos_token_id` and `pad_token_id` are gone, so the reloaded model no longer stops at its
end-of-text token and runs every budget to the end. Change only the two values; anything else you
switch on (sampling, say) changes every user's bare generate() too.

The checks run your function on every zoo decoder, reload out_dir in a fresh model, look at the
settings its bare generate() resolves, compare every other saved decoding default with the
checkpoint's own, and compare the generated ids with the checkpoint decoding with those two values.
"""

HINTS = (
    "Decoding defaults are stored apart from the network's description, and saving the model writes "
    "them to a file of their own. Change them on the loaded model before you save it.",
    "`model.generation_config.max_new_tokens = max_new_tokens` and "
    "`model.generation_config.num_beams = num_beams`, then `model.save_pretrained(out_dir)`.",
    "Save the tokenizer into the same folder (`tokenizer.save_pretrained(out_dir)`), so "
    "`from_pretrained(out_dir)` finds both.",
)

IN_MEMORY_LESSON = (
    "The reloaded model's bare generate() does not use your values: they never reached the saved folder. "
    "Saving writes the decoding defaults the model holds at that moment; values changed afterwards (or "
    "passed to one generate call) stay in memory."
)
PARTIAL_LESSON = (
    "Only part of your defaults reached the saved folder: a bare generate() needs both the new-token budget "
    "and the beam count there (`max_length` is another setting: it counts the prompt too)."
)
WRONG_FILE_LESSON = (
    "Your values were saved, but in the wrong file: the loader reads decoding defaults only from the one "
    "file the model writes for them when it is saved, not from any JSON in the folder."
)
MODEL_CONFIG_LESSON = (
    "You put generation settings into `model.config` (config.json), which describes the network, not how "
    "to decode; transformers refuses to save that. Decoding defaults have a home of their own."
)
NOT_SAVED_LESSON = "out_dir does not hold a model that loads back as a causal language model."
TOKENIZER_LESSON = (
    "out_dir holds no usable tokenizer: save it next to the model, so whoever loads the folder can encode "
    "prompts the way the checkpoint does."
)
LOST_DEFAULTS_LESSON = (
    "Your saved defaults replaced the checkpoint's own instead of adding two values to them: what the "
    "checkpoint had is gone (the ids of the tokens that start, end or pad a text), so the reloaded model "
    "no longer stops at its end-of-text token. Start from the defaults the model came with."
)
CHANGED_DEFAULTS_LESSON = (
    "Your saved defaults change more than the two values you were given: every user's bare generate() "
    "now decodes differently (sampling switched on makes it random, for instance). Leave the rest as the "
    "checkpoint had it."
)
BROKEN_DEFAULTS_LESSON = (
    "A bare generate() on the reloaded model fails: the defaults saved in out_dir do not make a valid "
    "decoding setup."
)
VALUE_LESSON = (
    "A bare generate() on the reloaded model used your values but produced other tokens than the "
    "checkpoint would: save the model you loaded from `path`, unchanged."
)

_SETTINGS = ("max_new_tokens", "num_beams")


def _set_defaults(attempt, name: str, out_dir: Path, drawn: dict) -> None:
    try:
        attempt.set_defaults(checkpoints.checkpoint(name), str(out_dir), drawn["max_new_tokens"], drawn["num_beams"])
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
    if tokenizer(probe)["input_ids"] != checkpoints.tokenizer(name)(probe)["input_ids"]:
        fail(TOKENIZER_LESSON, on=name, **drawn, files=_files(out_dir))
    return model, tokenizer


#: Bookkeeping a save may rewrite, and the two settings the learner was asked to change.
_NOT_DEFAULTS = {"transformers_version", "_from_model_config", "_commit_hash", "_original_object_hash", *_SETTINGS}
_SPECIAL_IDS = ("bos_token_id", "eos_token_id", "pad_token_id", "decoder_start_token_id")


def _as_dict(config) -> dict:
    try:
        return dict(config.to_dict())
    except Exception:  # noqa: BLE001 - whatever the learner stored, compare what can be read
        return {k: v for k, v in vars(config).items() if not k.startswith("__")}


def _expect_checkpoint_defaults_kept(model, name: str, drawn: dict) -> None:
    """Every decoding default the checkpoint had survives the save, unchanged (the two settings aside)."""
    from transformers import GenerationConfig

    theirs = _as_dict(GenerationConfig.from_pretrained(checkpoints.checkpoint(name)))
    yours = _as_dict(model.generation_config)
    changed = {
        k: {"checkpoint": theirs.get(k), "yours": yours.get(k)}
        for k in sorted(set(theirs) | set(yours))
        if k not in _NOT_DEFAULTS and theirs.get(k) != yours.get(k)
    }
    lost = {k: v for k, v in changed.items() if k in _SPECIAL_IDS and v["checkpoint"] is not None}
    if lost:
        fail(LOST_DEFAULTS_LESSON, on=name, **drawn, lost_after_reload=lost)
    if changed:
        fail(CHANGED_DEFAULTS_LESSON, on=name, **drawn, changed_after_reload=changed)


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
            loading.expect_loaded(model, name)
            batch = tokenizer(prompt, return_tensors="pt")
            with generate_spy.generation_requests() as seen:
                try:
                    out = model.generate(**batch)
                except Exception as error:  # noqa: BLE001 - the saved defaults make a bare call fail
                    _expect_checkpoint_defaults_kept(model, name, drawn)
                    fail(BROKEN_DEFAULTS_LESSON, on=name, **drawn, the_error_said=str(error).splitlines()[0][:300])
            used = {k: getattr(seen[0], k, None) for k in _SETTINGS}
            if used != drawn:
                _where_the_values_went(out_dir, name, dict(drawn, bare_generate_used=used))
            if _saved_values(out_dir / "generation_config.json") != drawn:
                _where_the_values_went(out_dir, name, dict(drawn))
            _expect_checkpoint_defaults_kept(model, name, drawn)
        got = decoders.new_token_ids(model, batch["input_ids"], out).tolist()
        expected = decoders.reference_generate(
            checkpoints.reference("AutoModelForCausalLM", name), checkpoints.tokenizer(name), prompt,
            max_new_tokens=budget, num_beams=beams,
        )
        if got != expected:
            fail(VALUE_LESSON, on=name, **drawn, prompt=prompt, expected_ids=expected, got_ids=got)

    prop()
