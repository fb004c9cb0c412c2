"""Wrong answer: a softmax over the single output (always 1.0)."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "always gives 1.0"


def load_regressor(path):
    """A sequence model with a single-output head: a regressor trained with MSE."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return torch.softmax(model(**batch).logits, dim=-1)[:, 0].tolist()
