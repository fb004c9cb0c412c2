"""Kata 17 · Load straight into bfloat16 (reference solution)."""

import torch
from transformers import AutoModel


def load_bf16(path):
    """The checkpoint's trained weights, every floating parameter in bfloat16."""
    return AutoModel.from_pretrained(path, dtype=torch.bfloat16)
