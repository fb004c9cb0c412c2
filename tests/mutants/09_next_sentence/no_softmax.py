"""Wrong answer: the raw logit of class 0, no softmax."""

import torch
from transformers import AutoModelForNextSentencePrediction

MUTANT_EXPECTS = "not a probability"


def load_nsp(path):
    """Load the checkpoint with its next-sentence-prediction head."""
    return AutoModelForNextSentencePrediction.from_pretrained(path)


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first` (class 0)."""
    encoding = tokenizer(first, second, return_tensors="pt")
    with torch.no_grad():
        logits = model(**encoding).logits
    return logits[0, 0].item()
