"""Wrong answer: pad token set on the tokenizer only; model.config.pad_token_id stays None."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "the model does not know the pad id"


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a `num_labels`-way classification head that knows its pad id."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return logits.argmax(dim=-1).tolist()
