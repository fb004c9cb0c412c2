"""Kata 13 · A score, not a class: regression with num_labels=1 (reference solution)."""

import torch
from transformers import AutoModelForSequenceClassification


def load_regressor(path):
    """A sequence model with a single-output head: a regressor trained with MSE."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
