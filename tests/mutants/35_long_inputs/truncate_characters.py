"""Wrong answer: cuts the text to model_max_length characters before tokenizing."""

import torch

MUTANT_EXPECTS = "cutting characters or words"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read up to the model's limit in tokens."""
    batch = tokenizer(text[: tokenizer.model_max_length], return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.argmax(dim=-1))
