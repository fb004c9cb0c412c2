"""Hidden checks for kata 16: AutoConfig describes a checkpoint without its weights."""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import track_b2 as b2
from autokata.kit.outcomes import LearnerCrash

HINTS = (
    "These five values all live in the checkpoint's config: there is an Auto class that reads "
    "`config.json` and nothing else.",
    "`config = AutoConfig.from_pretrained(path)` works on a folder without weights. Every config "
    "answers the same standard attributes, whatever its JSON calls them.",
    "Use `config.model_type`, `config.hidden_size`, `config.num_hidden_layers`, `config.vocab_size` "
    "and `config.is_encoder_decoder`.",
)

NO_WEIGHTS_LESSON = (
    "You loaded a model, and a model needs its weights file: this folder holds only config.json. "
    "`AutoConfig.from_pretrained(path)` reads the config alone, which is all these values need."
)
RAW_KEYS_LESSON = (
    "Each family names these fields its own way in config.json (GPT-2 `n_embd`, T5 `d_model`, "
    "DistilBERT `dim`, BART `encoder_layers`...), so one family's key names break on the others. "
    "A config from AutoConfig answers the same standard attributes for all of them: `hidden_size`, "
    "`num_hidden_layers`, `vocab_size`, `is_encoder_decoder`."
)
NOT_FROM_FOLDER_LESSON = (
    "Your `{key}` is the zoo's usual value, not the one in the folder you were given: read every "
    "value from the config at `path`."
)
DECODER_LESSON = (
    "Your `num_layers` is not the encoder's depth: for an encoder-decoder the kata asks for the "
    "encoder's layers, not the decoder's and not both stacks added up. The standard "
    "`config.num_hidden_layers` is the encoder's depth in every family."
)
VALUE_LESSON = "Your `{key}` is wrong: it should be the config's own `{attribute}`, as AutoConfig reads it."
RETURN_LESSON = (
    "`describe` should return a dict with the keys model_type, hidden_size, num_layers, vocab_size "
    "and is_encoder_decoder."
)

#: The kata's keys and the standard config attribute each one reports.
ATTRIBUTE_FOR = {
    "model_type": "model_type",
    "hidden_size": "hidden_size",
    "num_layers": "num_hidden_layers",
    "vocab_size": "vocab_size",
    "is_encoder_decoder": "is_encoder_decoder",
}


def _config(folder: Path | str) -> Any:
    from transformers import AutoConfig

    return AutoConfig.from_pretrained(folder)


def _reference(folder: Path | str) -> dict[str, Any]:
    config = _config(folder)
    return {key: getattr(config, attribute) for key, attribute in ATTRIBUTE_FOR.items()}


@cache
def _zoo_config(name: str) -> Any:
    """The zoo checkpoint's config (shared: copy it before changing it)."""
    return _config(m.checkpoint(name))


@cache
def _zoo_values(name: str) -> dict[str, Any]:
    return _reference(m.checkpoint(name))


#: Where encoder-decoders keep their decoder's depth, which the kata does not ask for.
_DECODER_DEPTHS = ("decoder_layers", "num_decoder_layers")


def _resized_copy(name: str, folder: Path, hidden: int, layers: int, vocab: int, decoder_layers: int) -> Path:
    """A config-only folder of `name`'s architecture with drawn sizes, set through the
    standard attributes (the config writes them under its family's own keys).

    Encoder-decoders get a decoder depth of their own, so that reporting it
    instead of the encoder's shows."""
    config = copy.deepcopy(_zoo_config(name))
    config.hidden_size, config.num_hidden_layers, config.vocab_size = hidden, layers, vocab
    for key in _DECODER_DEPTHS:
        if hasattr(config, key):
            setattr(config, key, decoder_layers)
    if getattr(config, "layer_types", None) is not None:  # one entry per layer (Qwen2)
        config.layer_types = [config.layer_types[0]] * layers
    config.save_pretrained(folder)
    return folder


def _decoder_readings(folder: Path | str, encoder_layers: int) -> set[int]:
    """Depths an encoder-decoder's `num_layers` takes when the decoder is counted by mistake:
    the decoder's own, or both stacks added (empty for other families)."""
    config = _config(folder)
    decoder = {getattr(config, key) for key in _DECODER_DEPTHS if isinstance(getattr(config, key, None), int)}
    return ({*decoder, *(encoder_layers + layers for layers in decoder)} - {encoder_layers}) if config.is_encoder_decoder else set()


def _crash_lesson(crash: LearnerCrash, model_loads: list) -> str | None:
    if model_loads:
        return NO_WEIGHTS_LESSON
    line = b2.crash_line(crash)
    if line.startswith("KeyError") or (b2.missing_attribute(crash) and "Config' object" in line):
        return RAW_KEYS_LESSON
    return None


def _expect_description(attempt, folder: Path | str, name: str, **drawn: Any) -> None:
    from transformers import PreTrainedModel

    expected = _reference(folder)
    with b2.calls_to(PreTrainedModel, "from_pretrained") as loads:
        with b2.lesson_on_crash(lambda crash: _crash_lesson(crash, loads), on=name, **drawn):
            got = attempt.describe(str(folder))
    got = b2.expect_mapping(got, "describe", list(ATTRIBUTE_FOR), RETURN_LESSON, on=name)
    for key, attribute in ATTRIBUTE_FOR.items():
        if got[key] == expected[key] and got[key] is not None:
            continue
        shown = dict(on=name, **drawn, key=key, expected=expected[key], got=got[key])
        if key == "num_layers" and got[key] in _decoder_readings(folder, expected[key]):
            fail(DECODER_LESSON, **shown)
        if drawn and got[key] == _zoo_values(name)[key]:
            fail(NOT_FROM_FOLDER_LESSON.format(key=key), **shown)
        raw = json.loads((Path(folder) / "config.json").read_text())
        if attribute not in raw:
            json_key = _config(folder).attribute_map.get(attribute)
            fail(RAW_KEYS_LESSON, **shown, config_json_calls_it=json_key or "nothing (the default applies)")
        fail(VALUE_LESSON.format(key=key, attribute=attribute), **shown)


@check("describe reads a folder that holds only config.json", family=zoo.CONFIG_ONLY)
def describes_config_only_folders(attempt, name):
    _expect_description(attempt, m.checkpoint(name), name)


@check("describe reports the sizes written in the folder it is given", family=zoo.CONFIG_ONLY)
def describes_drawn_sizes(attempt, name):
    @given(
        hidden=st.integers(1, 64).map(lambda k: 8 * k),
        layers=st.integers(1, 48),
        vocab=st.integers(100, 99_999),
        decoder_layers=st.integers(1, 48),
    )
    def prop(hidden, layers, vocab, decoder_layers):
        with tempfile.TemporaryDirectory() as tmp:
            folder = _resized_copy(name, Path(tmp) / "checkpoint", hidden, layers, vocab, decoder_layers)
            drawn = dict(drawn_hidden_size=hidden, drawn_num_layers=layers, drawn_vocab_size=vocab)
            if _zoo_values(name)["is_encoder_decoder"]:
                drawn["drawn_decoder_layers"] = decoder_layers
            _expect_description(attempt, folder, name, **drawn)

    prop()
