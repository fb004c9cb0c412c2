"""Wrong answer: pads every text to the model's length and feeds the ids without the attention mask."""

import torch

MUTANT_EXPECTS = "did not tell the model which of them are padding"


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, from a fixed-shape input."""
    batch = tokenizer(text, truncation=True, padding="max_length", return_tensors="pt")
    with torch.no_grad():
        logits = model(input_ids=batch["input_ids"]).logits
    return int(logits.argmax(dim=-1))
