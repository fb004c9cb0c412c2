"""Wrong answer: classifies the texts one by one, never as a padded batch."""

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

MUTANT_EXPECTS = "never ran the texts as one batch"


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a `num_labels`-way classification head that knows its pad id."""
    tokenizer = AutoTokenizer.from_pretrained(path)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels, pad_token_id=pad_id)


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    labels = []
    for text in texts:
        with torch.no_grad():
            logits = model(**tokenizer(text, return_tensors="pt")).logits
        labels.append(int(logits.argmax(dim=-1)))
    return labels
