"""Wrong answer: squeezes the [batch, 1] output, so a single text gives a bare float, not a list."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "returned a bare float"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits.squeeze().tolist()
