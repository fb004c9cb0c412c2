"""Wrong answer: "cleans" the texts (strips surrounding spaces) before scoring them."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "scored other texts than the ones given"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts):
    batch = tokenizer([text.strip() for text in texts], padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].tolist()
