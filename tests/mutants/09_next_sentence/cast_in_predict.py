"""Wrong answer: `prob_is_next` casts the model to bfloat16 first: every score is rounded, and the
probability with it."""

import torch
from transformers import AutoModelForNextSentencePrediction

MUTANT_EXPECTS = "a lower precision than the checkpoint's float32"


def load_nsp(path):
    """Load the checkpoint with its next-sentence-prediction head."""
    return AutoModelForNextSentencePrediction.from_pretrained(path)


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first` (class 0)."""
    model = model.to(torch.bfloat16)  # "half the memory"
    encoding = tokenizer(first, second, return_tensors="pt")
    with torch.no_grad():
        logits = model(**encoding).logits
    return logits.softmax(dim=-1)[0, 0].item()
