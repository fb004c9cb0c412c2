"""Wrong answer: a two-output head (num_labels=2), a classifier rather than a regressor."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "exactly one output"


def load_regressor(path):
    """A sequence model with a single-output head: a regressor trained with MSE."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
