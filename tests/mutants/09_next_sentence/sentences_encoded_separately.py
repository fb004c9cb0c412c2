"""Wrong answer: the two sentences encoded as two separate texts."""

import torch
from transformers import AutoModelForNextSentencePrediction

MUTANT_EXPECTS = "did not see the two sentences as one pair"


def load_nsp(path):
    """Load the checkpoint with its next-sentence-prediction head."""
    return AutoModelForNextSentencePrediction.from_pretrained(path)


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first` (class 0)."""
    encoding = tokenizer([first, second], padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**encoding).logits
    return logits.softmax(dim=-1)[0, 0].item()
