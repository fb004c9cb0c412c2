"""Wrong answer: the pair is encoded together, but only its ids and mask reach the model (no token types)."""

import torch
from transformers import AutoModelForNextSentencePrediction

MUTANT_EXPECTS = "saw sentence B as more of sentence A"


def load_nsp(path):
    """Load the checkpoint with its next-sentence-prediction head."""
    return AutoModelForNextSentencePrediction.from_pretrained(path)


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first` (class 0)."""
    encoding = tokenizer(first, second, return_tensors="pt")
    with torch.no_grad():
        logits = model(input_ids=encoding["input_ids"], attention_mask=encoding["attention_mask"]).logits
    return logits.softmax(dim=-1)[0, 0].item()
