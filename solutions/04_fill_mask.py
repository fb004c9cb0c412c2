"""Kata 04 · Fill the blank with AutoModelForMaskedLM (reference solution)."""

import torch
from transformers import AutoModelForMaskedLM


def load_mlm(path):
    """Load the checkpoint at `path` with the head that guesses masked tokens."""
    return AutoModelForMaskedLM.from_pretrained(path)


def fill_mask(model, tokenizer, text: str, k: int) -> list[str]:
    """The `k` best tokens for the mask in `text`, best first, each decoded and stripped."""
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**inputs).logits[0]
    position = (inputs["input_ids"][0] == tokenizer.mask_token_id).nonzero()[0, 0]
    best = logits[position].topk(k).indices
    return [tokenizer.decode([token]).strip() for token in best.tolist()]
