"""Hidden checks for kata 20: `save_pretrained` of model and tokenizer so Auto classes reload both."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import example, given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, heads
from autokata.kit import strategies as s

ANSWER = (
    "save_pretrained",
    "from_pretrained",
    "push_to_hub",
    "save_vocabulary",
    "save_model",
    "to_json_file",
    "safe_serialization",
)

LESSON = """
`model.save_pretrained(out_dir)` writes what `from_pretrained` reads: config.json (the
architecture, its sizes, the label names in `id2label` and `label2id`) and the weights
(model.safetensors), every one of them, the head included. `tokenizer.save_pretrained(out_dir)`
writes the tokenizer's vocabulary and settings (tokenizer.json, tokenizer_config.json and the
special tokens). Both go into the same folder, so one path serves both:

    model = AutoModelForSequenceClassification.from_pretrained(out_dir)
    tokenizer = AutoTokenizer.from_pretrained(out_dir)

`torch.save(model.state_dict(), ...)` (or pickling the whole model) stores only tensors or Python
objects: no config.json, so no Auto class can tell which architecture to build or what the labels
are called. A folder without the tokenizer cannot turn text into the ids the model knows (and
AutoTokenizer may even "load" such a folder into a tokenizer with an empty vocabulary). Saving
into a subfolder breaks the one-path promise; converting the model to float16 or bfloat16 before
saving changes its outputs (the reloaded model then runs in that type); saving the checkpoint you
started from instead of the model you were handed loses its new head and labels.

The checks hand you a classifier with a new head and new label names, and a bare encoder with
changed embeddings, reload your folder with the matching Auto class and AutoTokenizer, and compare
class, labels, token ids, number type and outputs with what you were given.
"""

HINTS = (
    "Both objects know how to write themselves into a folder, in the very format the library "
    "loads checkpoints from.",
    "`save_pretrained(out_dir)` writes config.json and the weights for a model, the vocabulary and "
    "settings for a tokenizer. `torch.save` writes neither a config nor a tokenizer.",
    "`model.save_pretrained(out_dir)` and `tokenizer.save_pretrained(out_dir)`, into the same folder.",
)

TORCH_SAVE_LESSON = (
    "A file written with `torch.save` (of the state dict or of the whole model), or any bare tensor "
    "file, leaves the folder without config.json: no Auto class can tell which architecture to build, "
    "nor what the labels are called. The model itself can write its config and weights in the format "
    "the Auto classes read."
)
NO_MODEL_LESSON = (
    "The folder has no model in it (no config.json): the model must be written there too, its "
    "description and its weights."
)
NO_WEIGHTS_LESSON = (
    "The folder has a config.json but no weights file, so reloading it would give random weights: "
    "write the model's weights along with its config."
)
SUBFOLDER_LESSON = (
    "You saved into a subfolder of out_dir: save model and tokenizer into `out_dir` itself, so one "
    "path reloads both."
)
MODEL_ONLY_LESSON = (
    "You saved the model but not its tokenizer (the folder has no tokenizer_config.json), and whoever "
    "loads the folder needs that tokenizer to turn text into the ids the model knows. (AutoTokenizer may "
    "even 'load' such a folder and give an empty vocabulary.) The tokenizer can write itself too."
)
RELOAD_LESSON = "`{auto_class}` could not reload your folder."
CLASS_LESSON = "Reloaded with {auto_class}, your folder gives another class than the model you were given."
LABELS_LESSON = (
    "The reloaded classifier lost its label names: they live in the model's config, and the folder "
    "must carry the config of the model you were given."
)
TOKENS_LESSON = "The reloaded tokenizer turns text into other ids than the tokenizer you were given."
DTYPE_LESSON = (
    "The reloaded model's weights are {got}, but the model you were given is {wanted}: your folder "
    "stores them converted, which changes every output. Save the model in the type it has."
)
OUTPUTS_LESSON = (
    "The reloaded model computes other outputs than the model you were given: the folder does not "
    "hold its weights (all of them, including the head)."
)

#: Label names the check gives the classifier, so a copy of the original checkpoint shows.
SERVED_LABELS = ("sad", "unsure", "glad")
_SEED = 20
_WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin")
_TENSOR_SUFFIXES = (".pt", ".pth", ".bin", ".ckpt", ".pkl", ".safetensors")


def _classifier(name: str) -> Any:
    """The checkpoint's classifier with a new head and new label names (the check's own copy)."""
    model = copy.deepcopy(checkpoints.reference("AutoModelForSequenceClassification", name))
    model.config.id2label = dict(enumerate(SERVED_LABELS))
    model.config.label2id = {label: index for index, label in enumerate(SERVED_LABELS)}
    heads.sharpen_head(model, _SEED)
    return model


def _encoder(name: str) -> Any:
    """The checkpoint's bare encoder with nudged embeddings (the check's own copy)."""
    import torch

    model = copy.deepcopy(checkpoints.reference("AutoModel", name))
    embeddings = model.get_input_embeddings().weight
    generator = torch.Generator().manual_seed(_SEED)
    with torch.no_grad():
        embeddings.add_(torch.randn(embeddings.shape, generator=generator) * 0.05)
    return model


def _expect_reloadable(folder: Path, auto_class: str, name: str) -> tuple[Any, Any]:
    """Reload `folder` with `auto_class` and AutoTokenizer; a folder that cannot, gets its lesson."""
    import transformers

    top = {path.name for path in folder.iterdir()}
    deeper = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    shown = dict(on=name, files_saved=sorted(deeper))
    if "config.json" not in top:
        if any(path.endswith("/config.json") for path in deeper):
            fail(SUBFOLDER_LESSON, **shown)
        if any(path.endswith(_TENSOR_SUFFIXES) for path in deeper):
            fail(TORCH_SAVE_LESSON, **shown)
        fail(NO_MODEL_LESSON, **shown)
    if not top & set(_WEIGHT_FILES):
        tensors_elsewhere = any(path.endswith(_TENSOR_SUFFIXES) for path in deeper)
        fail(TORCH_SAVE_LESSON if tensors_elsewhere else NO_WEIGHTS_LESSON, **shown)
    if "tokenizer_config.json" not in top:
        in_subfolder = any(path.endswith("/tokenizer_config.json") for path in deeper)
        fail(SUBFOLDER_LESSON if in_subfolder else MODEL_ONLY_LESSON, **shown)
    try:
        model = getattr(transformers, auto_class).from_pretrained(folder).eval()
    except Exception as error:  # noqa: BLE001 - any reload failure is the lesson
        fail(RELOAD_LESSON.format(auto_class=auto_class), **shown, the_error=_first_line(error))
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    except Exception as error:  # noqa: BLE001 - any reload failure is the lesson
        fail(RELOAD_LESSON.format(auto_class="AutoTokenizer"), **shown, the_error=_first_line(error))
    return model, tokenizer


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"


def _floating_types(model: Any) -> list[str]:
    """The number types of a model's floating parameters, most common first."""
    from collections import Counter

    counts = Counter(str(p.dtype).removeprefix("torch.") for p in model.parameters() if p.is_floating_point())
    return [dtype for dtype, _ in counts.most_common()]


def _outputs(model: Any, batch: Any) -> Any:
    import torch

    with torch.no_grad():
        out = model(**batch)
    return out.logits if hasattr(out, "logits") else out.last_hidden_state


def _expect_served(attempt, name: str, model: Any, auto_class: str) -> None:
    """Hand the learner a copy of `model` and of the tokenizer; the folder must reload to the
    same behaviour as `model` (kept apart, so nothing the learner does to the copies counts)."""
    import torch

    with tempfile.TemporaryDirectory() as tmp:
        with crashes.lesson_on_crash(lambda crash: None, on=name):
            attempt.save_for_serving(copy.deepcopy(model), checkpoints.private_tokenizer(name), tmp)
        reloaded, reloaded_tokenizer = _expect_reloadable(Path(tmp), auto_class, name)
    if type(reloaded) is not type(model):
        lesson = CLASS_LESSON.format(auto_class=auto_class)
        fail(lesson, on=name, expected=type(model).__name__, got=type(reloaded).__name__)
    wanted, got = _floating_types(model), _floating_types(reloaded)
    if got != wanted:
        lesson = DTYPE_LESSON.format(got=" and ".join(got) or "not floating", wanted=" and ".join(wanted))
        fail(lesson, on=name, expected_parameter_types=wanted, got_parameter_types=got)
    labels = (model.config.id2label, model.config.label2id)
    if (reloaded.config.id2label, reloaded.config.label2id) != labels:
        fail(LABELS_LESSON, on=name, expected=model.config.id2label, got=reloaded.config.id2label)

    @given(texts=s.uneven_batches())
    @example(texts=["  The CAFÉ was naïve, wasn't it?  ", "déjà vu", "the cat sat on the mat"])
    def prop(texts):
        batch = checkpoints.tokenizer(name)(texts, padding=True, return_tensors="pt")
        try:
            again = reloaded_tokenizer(texts, padding=True, return_tensors="pt")
        except Exception as error:  # noqa: BLE001 - a tokenizer that cannot encode is the lesson
            fail(TOKENS_LESSON, on=name, texts=texts, the_reloaded_tokenizer_raised=_first_line(error))
        if batch["input_ids"].tolist() != again["input_ids"].tolist():
            fail(TOKENS_LESSON, on=name, texts=texts)
        want = _outputs(model, batch)
        try:
            got = _outputs(reloaded, batch)
        except Exception as error:  # noqa: BLE001 - a reloaded model that cannot run is the lesson
            fail(OUTPUTS_LESSON, on=name, texts=texts, the_reloaded_model_raised=_first_line(error))
        if got.shape != want.shape:
            fail(OUTPUTS_LESSON, on=name, texts=texts, expected_shape=tuple(want.shape), got_shape=tuple(got.shape))
        if not torch.allclose(want.float(), got.float(), atol=1e-6):
            fail(OUTPUTS_LESSON, on=name, texts=texts)

    prop()


@check("a saved classifier reloads with its labels, tokenizer and outputs", family=zoo.THREE_LABELS)
def classifier_round_trips(attempt, name):
    _expect_served(attempt, name, _classifier(name), "AutoModelForSequenceClassification")


@check("a saved encoder reloads with AutoModel and AutoTokenizer, outputs unchanged", family=zoo.ENCODERS)
def encoder_round_trips(attempt, name):
    _expect_served(attempt, name, _encoder(name), "AutoModel")
