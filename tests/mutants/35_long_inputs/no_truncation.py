"""Wrong answer: no truncation, so the input runs past the position table."""

import torch

MUTANT_EXPECTS = "You fed the whole text"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read up to the model's limit in tokens."""
    batch = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.argmax(dim=-1))
