"""Wrong answer: hard-codes BERT's "[MASK]" instead of asking the tokenizer for its mask token."""

import torch
from transformers import AutoModelForMaskedLM

MUTANT_EXPECTS = "not `[MASK]`"


def load_mlm(path):
    return AutoModelForMaskedLM.from_pretrained(path)


def fill_mask(model, tokenizer, text, k):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**inputs).logits[0]
    mask_id = tokenizer.convert_tokens_to_ids("[MASK]")
    position = (inputs["input_ids"][0] == mask_id).nonzero()[0, 0]
    best = logits[position].topk(k).indices
    return [tokenizer.decode([token]).strip() for token in best.tolist()]
