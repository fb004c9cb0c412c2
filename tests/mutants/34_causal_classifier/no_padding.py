"""Wrong answer: tokenizes the batch without padding=True (rows of different lengths)."""

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

MUTANT_EXPECTS = "so that the tokenizer pads the short rows"


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a `num_labels`-way classification head that knows its pad id."""
    tokenizer = AutoTokenizer.from_pretrained(path)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels, pad_token_id=pad_id)


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    batch = tokenizer(texts, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return logits.argmax(dim=-1).tolist()
