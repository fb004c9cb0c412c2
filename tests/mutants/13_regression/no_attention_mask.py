"""Wrong answer: pads the batch but feeds only the input ids, so padding is attended to."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "pass the tokenizer's `attention_mask`"


def load_regressor(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def score(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(input_ids=batch["input_ids"]).logits[:, 0].tolist()
