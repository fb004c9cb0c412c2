"""Hidden checks for kata 17: `dtype=torch.bfloat16` loads the checkpoint's weights in bfloat16."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, library_calls, loading
from autokata.kit.outcomes import LearnerCrash

ANSWER = ("AutoModel", "from_pretrained", "dtype", "torch_dtype")

LESSON = """
`AutoModel.from_pretrained(path, dtype=torch.bfloat16)` builds the model and loads the
checkpoint's weights straight into bfloat16: each stored float32 value is rounded once, and no
float32 copy of the whole model is ever held in memory. (Code written for transformers 4 says
`torch_dtype=`; transformers 5 calls the argument `dtype`, and its default "auto" keeps whatever
type the checkpoint was saved in.) AutoModel is the loader that fits every family here: it gives
the bare transformer (BertModel, GPT2Model, T5Model, ...), where a task class such as
AutoModelForCausalLM or AutoModelForSeq2SeqLM exists only for some architectures and raises
"Unrecognized configuration class" on the others.

bfloat16 and float16 are both two bytes, but not the same format: float16 (`.half()`,
`torch.float16`) keeps 10 mantissa bits and overflows above 65 504, bfloat16 keeps float32's 8
exponent bits (its whole range) and only 7 mantissa bits. Converting after loading
(`.to(torch.bfloat16)`) ends with the same numbers but pays for the float32 model first; going
through float16 on the way rounds twice and changes some weights; building the model from its
config (`from_config`) gives random weights in whatever type you ask.

The checks load every zoo family with your function, require every floating parameter to be
bfloat16 (or float32 where the installed transformers itself keeps it so when it loads in
bfloat16: some releases keep a few T5 modules in float32), and compare every stored weight with
the checkpoint's float32 value rounded once.
"""

HINTS = (
    "The loading call itself can choose the number type the parameters arrive in; one loader, "
    "without a task head, fits every family.",
    "Pass `dtype=torch.bfloat16` to `AutoModel.from_pretrained` (not `torch.float16`: that is "
    "another 16-bit format).",
    "`AutoModel.from_pretrained(path, dtype=torch.bfloat16)` and nothing after it.",
)

HALF_LESSON = (
    "Your parameters are float16, which is what `.half()` or `torch.float16` gives. bfloat16 is "
    "another 16-bit format (float32's range, fewer mantissa bits)."
)
FLOAT32_LESSON = (
    "Your parameters are still float32, the default: nothing asked for a 16-bit type while (or after) "
    "the weights were loaded."
)
MIXED_LESSON = "Some floating parameters of your model are not bfloat16: every one of them must be."
KEPT_NOTE = (
    " (Only the {count} that this transformers release itself keeps in float32 when it loads in "
    "bfloat16 may stay float32.)"
)
RANDOM_LESSON = (
    "Your bfloat16 weights are not the checkpoint's: building the model from its config "
    "(`from_config`, or the class itself) gives random weights, whatever the type. The trained "
    "weights are only in the checkpoint folder."
)
ROUNDING_LESSON = (
    "Your weights are close to the checkpoint's but not its float32 values rounded once to bfloat16: "
    "going through another type first (float16?) rounds twice."
)
NOT_LOADED_LESSON = (
    "You loaded from the checkpoint, but not all of its weights landed in your model: `{got_class}` "
    "expects some parameters under names this checkpoint does not store, and those were left freshly "
    "initialised. Load it with a class whose parameters are exactly the ones the checkpoint holds."
)
UNSUPPORTED_LESSON = (
    "`{auto_class}` has no model for this architecture: a task class exists only for the families "
    "that have that task, and this kata's loader must take every family. The pretrained transformer "
    "without a head exists for all of them."
)
TYPE_NAME_LESSON = "`torch.{attribute}` does not exist: PyTorch spells its brain-float type `torch.bfloat16`."

_UNSUPPORTED = re.compile(r"Unrecognized configuration class .* for this kind of AutoModel: (\w+)")


def _crash_lesson(crash: LearnerCrash) -> str | None:
    line = crashes.crash_line(crash)
    unsupported = _UNSUPPORTED.search(line)
    if unsupported:
        return UNSUPPORTED_LESSON.format(auto_class=unsupported.group(1))
    attribute = crashes.missing_attribute(crash)
    if attribute and "module 'torch'" in line:
        return TYPE_NAME_LESSON.format(attribute=attribute)
    return None


_FAMILIES = zoo.ENCODERS + zoo.DECODERS + zoo.SEQ2SEQ


@cache
def _stored_parameters(name: str) -> frozenset[str]:
    """Names of the reference AutoModel's parameters that the checkpoint file holds
    (others, like a pooler the checkpoint lacks, are initialised anew at every load)."""
    from safetensors import safe_open

    reference = checkpoints.reference("AutoModel", name)
    with safe_open(str(zoo.path(name) / "model.safetensors"), "pt") as file:
        keys = set(file.keys())
    prefix = reference.base_model_prefix
    return frozenset(n for n, _ in reference.named_parameters() if n in keys or f"{prefix}.{n}" in keys)


@cache
def _kept_in_float32(name: str) -> frozenset[str]:
    """Parameters the installed transformers itself leaves float32 when it loads the checkpoint
    with `dtype=torch.bfloat16` (5.0 keeps T5's `wo` layers so; 5.24 keeps none), computed
    here with the installed library rather than assumed from one release."""
    import torch

    reference = checkpoints.reference("AutoModel", name, dtype=torch.bfloat16)
    return frozenset(n for n, p in reference.named_parameters() if p.dtype == torch.float32)


def _expect_bf16(model: Any, name: str) -> None:
    import torch

    kept, prefix = _kept_in_float32(name), f"{model.base_model_prefix}."
    dtypes = {n: p.dtype for n, p in model.named_parameters() if p.is_floating_point()}
    free = {n: d for n, d in dtypes.items() if n not in kept and n.removeprefix(prefix) not in kept}
    wrong = [n for n, d in dtypes.items() if d != torch.bfloat16 and (n in free or d != torch.float32)]
    if not wrong:
        return
    counts = Counter(str(dtype).removeprefix("torch.") for dtype in dtypes.values())
    shown = dict(on=name, parameter_dtypes=dict(counts))
    if set(free.values()) == {torch.float16}:
        fail(HALF_LESSON, **shown)
    if set(dtypes.values()) == {torch.float32}:
        fail(FLOAT32_LESSON, **shown)
    first = wrong[0]
    lesson = MIXED_LESSON + (KEPT_NOTE.format(count=len(kept)) if kept else "")
    fail(lesson, **shown, for_example=f"{first}: {dtypes[first]}")


def _expect_rounded_checkpoint(model: Any, name: str, loads: library_calls.CallsTo) -> None:
    """Every stored weight equals the checkpoint's float32 value rounded to bfloat16."""
    import torch

    reference = checkpoints.reference("AutoModel", name)
    theirs = dict(reference.named_parameters())
    mine = dict(model.base_model.named_parameters())
    pairs = [("input embeddings", model.get_input_embeddings().weight, reference.get_input_embeddings().weight)]
    pairs += [(n, mine[n], theirs[n]) for n in sorted(_stored_parameters(name)) if n in mine]
    for parameter, got, stored in pairs:
        # bfloat16, or float32 where the library keeps it so (_expect_bf16 allowed only these)
        want = stored.detach().to(got.dtype).float()
        got = got.detach().float()
        if got.shape == want.shape and torch.equal(got, want):
            continue
        shown = dict(on=name, parameter=parameter, got_shape=tuple(got.shape), checkpoint_shape=tuple(want.shape))
        if got.shape == want.shape and torch.allclose(got, want, rtol=2e-2, atol=1e-3):
            fail(ROUNDING_LESSON, **shown)
        if loads.calls:  # loaded from the checkpoint, yet this weight is not the stored one
            fail(NOT_LOADED_LESSON.format(got_class=type(model).__name__), **shown)
        fail(RANDOM_LESSON, **shown)


@check("load_bf16 loads the checkpoint's weights, every floating parameter in bfloat16", family=_FAMILIES)
def loads_rounded_weights_in_bf16(attempt, name):
    from transformers import PreTrainedModel

    with library_calls.CallsTo(PreTrainedModel, "from_pretrained") as loads:
        with crashes.lesson_on_crash(_crash_lesson, on=name):
            value = attempt.load_bf16(checkpoints.checkpoint(name))
    model = loading.expect_model(value, "load_bf16", name)
    _expect_bf16(model, name)
    _expect_rounded_checkpoint(model, name, loads)
