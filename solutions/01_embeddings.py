"""Kata 01 · Sentence embeddings with AutoModel (reference solution)."""

import torch
from transformers import AutoModel


def load_encoder(path):
    """Load the checkpoint at `path` as a base model with no task head."""
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts: list[str]) -> torch.Tensor:
    """One vector per text: the mean of its token vectors, padding left out."""
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
