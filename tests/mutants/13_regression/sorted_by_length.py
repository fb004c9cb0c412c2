"""Wrong answer: sorts the texts by length to pad less, and returns the scores in that order."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "right numbers in the wrong order"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts):
    ordered = sorted(texts, key=len)
    batch = tokenizer(ordered, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
