"""Wrong answer: keeps model_max_length *words*, then tokenizes without cutting."""

import torch

MUTANT_EXPECTS = "the unit is wrong, the limit counts tokens, not words"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read from its beginning up to the model's limit."""
    words = text.split()[: tokenizer.model_max_length]
    batch = tokenizer(" ".join(words), return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.argmax(dim=-1))
