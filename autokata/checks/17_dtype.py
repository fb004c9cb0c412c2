"""Hidden checks for kata 17: `dtype=torch.bfloat16` loads the checkpoint's weights in bfloat16."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m

HINTS = (
    "`from_pretrained` takes an argument that chooses the type of the loaded parameters.",
    "Pass `dtype=torch.bfloat16` (not `torch.float16`: that is another 16-bit format).",
    "`AutoModel.from_pretrained(path, dtype=torch.bfloat16)` and nothing after it.",
)

HALF_LESSON = (
    "Your parameters are float16, which is what `.half()` or `dtype=torch.float16` gives. bfloat16 is "
    "another 16-bit format (float32's range, fewer mantissa bits): ask for `torch.bfloat16`."
)
FLOAT32_LESSON = (
    "Your parameters are still float32, the default. Ask `from_pretrained` for bfloat16 with "
    "`dtype=torch.bfloat16`."
)
MIXED_LESSON = "Some floating parameters of your model are not bfloat16: every one of them must be."
RANDOM_LESSON = (
    "Your bfloat16 weights are not the checkpoint's: building the model from its config "
    "(`from_config`) gives random weights, whatever the dtype. Load them with `from_pretrained(path, ...)`."
)
ROUNDING_LESSON = (
    "Your weights are close to the checkpoint's but not its float32 values rounded once to bfloat16: "
    "going through another type first (float16?) rounds twice. Load with `dtype=torch.bfloat16` directly."
)

_FAMILIES = zoo.ENCODERS + zoo.DECODERS + zoo.SEQ2SEQ


@cache
def _stored_parameters(name: str) -> frozenset[str]:
    """Names of the reference AutoModel's parameters that the checkpoint file holds
    (others, like a pooler the checkpoint lacks, are initialised anew at every load)."""
    from safetensors import safe_open

    reference = m.reference("AutoModel", name)
    with safe_open(str(zoo.path(name) / "model.safetensors"), "pt") as file:
        keys = set(file.keys())
    prefix = reference.base_model_prefix
    return frozenset(n for n, _ in reference.named_parameters() if n in keys or f"{prefix}.{n}" in keys)


def _expect_bf16(model: Any, name: str) -> None:
    import torch

    dtypes = {n: p.dtype for n, p in model.named_parameters() if p.is_floating_point()}
    if all(dtype == torch.bfloat16 for dtype in dtypes.values()):
        return
    counts = Counter(str(dtype).removeprefix("torch.") for dtype in dtypes.values())
    shown = dict(on=name, parameter_dtypes=dict(counts))
    if set(dtypes.values()) == {torch.float16}:
        fail(HALF_LESSON, **shown)
    if set(dtypes.values()) == {torch.float32}:
        fail(FLOAT32_LESSON, **shown)
    first = next(n for n, dtype in dtypes.items() if dtype != torch.bfloat16)
    fail(MIXED_LESSON, **shown, for_example=f"{first}: {dtypes[first]}")


def _expect_rounded_checkpoint(model: Any, name: str) -> None:
    """Every stored weight equals the checkpoint's float32 value rounded to bfloat16."""
    import torch

    reference = m.reference("AutoModel", name)
    theirs = dict(reference.named_parameters())
    mine = dict(model.base_model.named_parameters())
    pairs = [("input embeddings", model.get_input_embeddings().weight, reference.get_input_embeddings().weight)]
    pairs += [(n, mine[n], theirs[n]) for n in sorted(_stored_parameters(name)) if n in mine]
    for parameter, got, stored in pairs:
        want = stored.detach().to(torch.bfloat16).float()
        got = got.detach().float()
        if got.shape == want.shape and torch.equal(got, want):
            continue
        near = got.shape == want.shape and torch.allclose(got, want, rtol=2e-2, atol=1e-3)
        fail(ROUNDING_LESSON if near else RANDOM_LESSON, on=name, parameter=parameter)


@check("load_bf16 loads the checkpoint's weights, every floating parameter in bfloat16", family=_FAMILIES)
def loads_rounded_weights_in_bf16(attempt, name):
    model = m.expect_model(attempt.load_bf16(m.checkpoint(name)), "load_bf16", name)
    _expect_bf16(model, name)
    _expect_rounded_checkpoint(model, name)
