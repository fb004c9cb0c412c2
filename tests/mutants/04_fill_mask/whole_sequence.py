"""Wrong answer: ranks the best scores over every position of the sentence, not at the mask."""

import torch
from transformers import AutoModelForMaskedLM

MUTANT_EXPECTS = "over every position of the sentence"


def load_mlm(path):
    return AutoModelForMaskedLM.from_pretrained(path)


def fill_mask(model, tokenizer, text, k):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**inputs).logits[0]
    best = logits.max(dim=0).values.topk(k).indices
    return [tokenizer.decode([token]).strip() for token in best.tolist()]
