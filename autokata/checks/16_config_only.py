"""Hidden checks for kata 16: AutoConfig describes a checkpoint without its weights."""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, library_calls, returns
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "AutoConfig",
    "PretrainedConfig",
    "PreTrainedConfig",
    "from_pretrained",
    "num_hidden_layers",
    "attribute_map",
    "CONFIG_MAPPING",
    "CONFIG_MAPPING_NAMES",
)

LESSON = """
A checkpoint's config.json is the whole description of the model without its weights, and
`AutoConfig.from_pretrained(path)` reads that file and nothing else: it looks up the `model_type`
written in it, picks the matching config class (BertConfig, GPT2Config, T5Config, ...) and fills
it. No weights file is needed, which is why it works on the config-only folders of this kata,
where `AutoModel.from_pretrained` (or any model class) fails for want of weights.

The raw JSON is not a common language: GPT-2 writes `n_embd` and `n_layer`, T5 `d_model` and
`num_layers`, DistilBERT `dim` and `n_layers`, BART `d_model` and `encoder_layers`, and a family
may leave a key out so that its class default applies. Every config class maps its own names onto
the same standard attributes (its `attribute_map`), so one piece of code reads any family:
`config.model_type`, `config.hidden_size`, `config.num_hidden_layers` (for an encoder-decoder the
encoder's depth), `config.vocab_size` and `config.is_encoder_decoder`.

Pitfalls the checks look for: loading the model instead of the config; reading the JSON with one
family's key names; counting the decoder's layers (or both stacks) for an encoder-decoder;
rebuilding `model_type` from the config's class name (DebertaV2Config is registered as
"deberta-v2", GPTNeoXConfig as "gpt_neox"); and answering from what you know about the zoo rather
than from the folder, which the checks catch with folders whose sizes they drew themselves.
"""

HINTS = (
    "These five values all live in the checkpoint's description file, and the library can read "
    "that file alone, without building the model, into an object that speaks one language for "
    "every family.",
    "`config = AutoConfig.from_pretrained(path)` works on a folder without weights. Every config "
    "answers the same standard attributes, whatever its JSON calls them.",
    "Use `config.model_type`, `config.hidden_size`, `config.num_hidden_layers`, `config.vocab_size` "
    "and `config.is_encoder_decoder`.",
)

NO_WEIGHTS_LESSON = (
    "You built a model, and a model needs its weights file: this folder holds only config.json. "
    "Every value asked for is in the config already; read the description without building the model."
)
RAW_KEYS_LESSON = (
    "Each family names these fields its own way in config.json (GPT-2 `n_embd`, T5 `d_model`, "
    "DistilBERT `dim`, BART `encoder_layers`...) or leaves them out for a default, so one family's "
    "key names break on the others. The library's config objects map every family onto the same "
    "standard names; raw JSON does not."
)
NOT_FROM_FOLDER_LESSON = (
    "Your `{key}` is the zoo's usual value, not the one in the folder you were given: read every "
    "value from the config at `path`."
)
DECODER_LESSON = (
    "Your `num_layers` is not the encoder's depth: for an encoder-decoder the kata asks for the "
    "encoder's layers, not the decoder's and not both stacks added up."
)
MODEL_TYPE_LESSON = (
    "Your `model_type` is not the identifier transformers registers for this architecture. It cannot "
    "be rebuilt from the config's class name or respelled (DebertaV2Config is \"deberta-v2\", "
    "GPTNeoXConfig \"gpt_neox\", BlenderbotSmallConfig \"blenderbot-small\"): report the identifier "
    "the checkpoint's config itself declares."
)
VALUE_LESSON = "Your `{key}` is wrong: it is not the value this checkpoint's config holds for it."
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
    return _config(checkpoints.checkpoint(name))


@cache
def _zoo_values(name: str) -> dict[str, Any]:
    return _reference(checkpoints.checkpoint(name))


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


def _crash_lesson(crash: LearnerCrash, loads: library_calls.CallsTo) -> str | None:
    if loads.raised:  # a model load ended in an error: on these folders, for want of weights
        return NO_WEIGHTS_LESSON
    line = crashes.crash_line(crash)
    if line.startswith("KeyError") or (crashes.missing_attribute(crash) and "Config' object" in line):
        return RAW_KEYS_LESSON
    return None


def _equal(got: Any, expected: Any) -> bool:
    """`got == expected` for any value a learner returns (an array or tensor never crashes it)."""
    try:
        return bool(got == expected)
    except Exception:  # noqa: BLE001 - a value that cannot be compared is simply not equal
        return False


def _expect_description(attempt, folder: Path | str, name: str, **drawn: Any) -> None:
    from transformers import PreTrainedModel

    expected = _reference(folder)
    with library_calls.CallsTo(PreTrainedModel, "from_pretrained") as loads:
        with crashes.lesson_on_crash(lambda crash: _crash_lesson(crash, loads), on=name, **drawn):
            got = attempt.describe(str(folder))
    got = returns.expect_mapping(got, "describe", list(ATTRIBUTE_FOR), RETURN_LESSON, on=name)
    for key, attribute in ATTRIBUTE_FOR.items():
        if _equal(got[key], expected[key]) and got[key] is not None:
            continue
        shown = dict(on=name, **drawn, key=key, expected=expected[key], got=got[key])
        if key == "model_type":
            fail(MODEL_TYPE_LESSON, **shown, config_class=type(_config(folder)).__name__)
        if key == "num_layers" and any(_equal(got[key], n) for n in _decoder_readings(folder, expected[key])):
            fail(DECODER_LESSON, **shown)
        if drawn and _equal(got[key], _zoo_values(name)[key]):
            fail(NOT_FROM_FOLDER_LESSON.format(key=key), **shown)
        raw = json.loads((Path(folder) / "config.json").read_text())
        if attribute not in raw:
            json_key = _config(folder).attribute_map.get(attribute)
            fail(RAW_KEYS_LESSON, **shown, config_json_calls_it=json_key or "nothing (the default applies)")
        fail(VALUE_LESSON.format(key=key, attribute=attribute), **shown)


@check("describe reads a folder that holds only config.json", family=zoo.CONFIG_ONLY)
def describes_config_only_folders(attempt, name):
    _expect_description(attempt, checkpoints.checkpoint(name), name)


@check("describe reports the sizes written in the folder it is given", family=zoo.CONFIG_ONLY)
def describes_drawn_sizes(attempt, name):
    @given(
        hidden=st.integers(1, 64).map(lambda k: 8 * k),
        layers=st.integers(1, 48),
        vocab=st.integers(100, 99_999),
        decoder_layers=st.integers(1, 48),
    )
    @example(hidden=24, layers=3, vocab=321, decoder_layers=5)  # every size off the zoo's, decoder apart
    @example(hidden=512, layers=1, vocab=99_999, decoder_layers=48)
    def prop(hidden, layers, vocab, decoder_layers):
        with tempfile.TemporaryDirectory() as tmp:
            folder = _resized_copy(name, Path(tmp) / "checkpoint", hidden, layers, vocab, decoder_layers)
            drawn = dict(drawn_hidden_size=hidden, drawn_num_layers=layers, drawn_vocab_size=vocab)
            if _zoo_values(name)["is_encoder_decoder"]:
                drawn["drawn_decoder_layers"] = decoder_layers
            _expect_description(attempt, folder, name, **drawn)

    prop()


#: Architectures outside the zoo whose registered `model_type` no class-name rule rebuilds
#: (hyphen, underscore, an encoder-decoder among them), with small settings. (The zoo's own
#: deberta-v2 is the hyphen inside it.)
OUTSIDE_THE_ZOO: dict[str, tuple[str, dict[str, Any]]] = {
    "gpt_neox": (
        "GPTNeoXConfig",
        dict(hidden_size=56, num_hidden_layers=5, num_attention_heads=4, intermediate_size=37, vocab_size=222),
    ),
    "blenderbot-small": (
        "BlenderbotSmallConfig",
        dict(
            d_model=24, encoder_layers=3, decoder_layers=5, encoder_attention_heads=4,
            decoder_attention_heads=4, vocab_size=111,
        ),
    ),
}


@check("describe reports architectures outside the zoo under their registered names", family=tuple(OUTSIDE_THE_ZOO))
def describes_architectures_outside_the_zoo(attempt, name):
    import transformers

    class_name, settings = OUTSIDE_THE_ZOO[name]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "checkpoint"
        getattr(transformers, class_name)(**settings).save_pretrained(folder)
        _expect_description(attempt, folder, name)
