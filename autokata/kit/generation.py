"""What a learner asked generate() for, and reference decodes to compare with.

`generation_requests()` wraps `GenerationMixin._prepare_generation_config` at
class level: it sees the *resolved* settings (num_beams, do_sample,
max_new_tokens, ...) whether they came as keyword arguments, a
GenerationConfig, or `model.generation_config`. Patching an instance's
`generate` would miss internal dispatch.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def generation_requests() -> Iterator[list[Any]]:
    """Collect the resolved GenerationConfig of every generate() call inside the block."""
    from transformers.generation.utils import GenerationMixin

    seen: list[Any] = []
    original = GenerationMixin._prepare_generation_config

    def spy(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        config = result[0] if isinstance(result, tuple) else result
        seen.append(config)
        return result

    GenerationMixin._prepare_generation_config = spy
    try:
        yield seen
    finally:
        GenerationMixin._prepare_generation_config = original


def new_token_ids(model: Any, prompt_ids: Any, output_ids: Any) -> Any:
    """The generated part of `generate()`'s output (decoder-only: after the prompt;
    encoder-decoder: after the decoder start token)."""
    if model.config.is_encoder_decoder:
        return output_ids[:, 1:]
    return output_ids[:, prompt_ids.shape[1]:]


def reference_generate(model: Any, tokenizer: Any, prompt: str, **settings: Any) -> list[list[int]]:
    """Token ids the check itself generates for one prompt (new tokens only, specials kept)."""
    import torch

    batch = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, pad_token_id=_pad_id(model, tokenizer), **settings)
    return new_token_ids(model, batch["input_ids"], out).tolist()


def _pad_id(model: Any, tokenizer: Any) -> int:
    if tokenizer.pad_token_id is not None:
        return tokenizer.pad_token_id
    return model.generation_config.eos_token_id if model.generation_config.eos_token_id is not None else 0
