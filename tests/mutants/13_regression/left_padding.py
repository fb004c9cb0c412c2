"""Wrong answer: pads on the left (a habit from batched generation), shifting encoder positions."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "padded on the left"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, padding_side="left", return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
