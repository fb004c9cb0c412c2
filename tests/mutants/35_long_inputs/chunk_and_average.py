"""Wrong answer: reads the whole text in chunks of the model's length and averages their logits."""

import torch

MUTANT_EXPECTS = "Combining the scores of several pieces is another classifier"


def classify_long(model, tokenizer, text: str) -> int:
    """The label of the average logits over every chunk of the text."""
    batch = tokenizer(text, truncation=True, return_overflowing_tokens=True, padding=True, return_tensors="pt")
    batch.pop("overflow_to_sample_mapping", None)
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.mean(dim=0).argmax())
