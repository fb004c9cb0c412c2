"""Wrong answer: truncates from the left, keeping the end of the text."""

import torch

MUTANT_EXPECTS = "You kept the end of the text"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read up to the model's limit in tokens."""
    tokenizer.truncation_side = "left"
    batch = tokenizer(text, truncation=True, max_length=tokenizer.model_max_length, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.argmax(dim=-1))
