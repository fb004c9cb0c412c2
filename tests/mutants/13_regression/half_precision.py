"""Wrong answer: loads the regressor in bfloat16 to save memory, so its weights are not the checkpoint's."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "lower precision than the checkpoint's"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1, dtype=torch.bfloat16)


def score(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0].float().tolist()
