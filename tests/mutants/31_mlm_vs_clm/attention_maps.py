"""Wrong answer: reads the attention maps (empty under transformers 5's default SDPA attention)."""

import torch

MUTANT_EXPECTS = "SDPA computes no attention weights"


def sees_the_future(model, tokenizer) -> bool:
    """True if some position attends to a position on its right."""
    ids = tokenizer("the cat sat on the mat", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        attention = model(input_ids=ids, output_attentions=True).attentions[-1][0]
    return bool(attention.triu(diagonal=1).abs().max() > 1e-6)
