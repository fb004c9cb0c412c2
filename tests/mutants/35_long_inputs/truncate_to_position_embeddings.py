"""Wrong answer: cuts at max_position_embeddings, two too many on RoBERTa."""

import torch

MUTANT_EXPECTS = "RoBERTa-style models keep the first positions"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read up to the model's limit in tokens."""
    batch = tokenizer(text, truncation=True, max_length=model.config.max_position_embeddings, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits.argmax(dim=-1))
