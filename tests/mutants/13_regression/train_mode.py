"""Wrong answer: `score` calls `model.train()` first, so dropout is on while it predicts and the
same text can score differently from one call to the next."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "switched the model it was given into training mode"


def load_regressor(path):
    """A sequence model with a single-output head: a regressor trained with MSE."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    model.train()  # "make sure the model is ready": it switches dropout on
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
