"""Wrong answer: the loader returns a model without a pad id; predict_batch sets it later."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "each function is judged on what it returns"


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a `num_labels`-way classification head (no pad id yet)."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model.config.pad_token_id = tokenizer.pad_token_id
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return logits.argmax(dim=-1).tolist()
