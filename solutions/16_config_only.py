"""Kata 16 · Describe a checkpoint from its config alone (reference solution)."""

from transformers import AutoConfig


def describe(path) -> dict:
    """The checkpoint's type and sizes, read from its config without loading weights."""
    config = AutoConfig.from_pretrained(path)
    return {
        "model_type": config.model_type,
        "hidden_size": config.hidden_size,
        "num_layers": config.num_hidden_layers,
        "vocab_size": config.vocab_size,
        "is_encoder_decoder": config.is_encoder_decoder,
    }
