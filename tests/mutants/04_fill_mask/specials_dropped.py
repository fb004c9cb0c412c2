"""Wrong answer: leaves special tokens out of the ranking ("they are never a real word"), so on a
model where `<unk>` or `</s>` scores among the best, every token after it moves up one place."""

import torch
from transformers import AutoModelForMaskedLM

MUTANT_EXPECTS = "left special tokens out of the ranking"


def load_mlm(path):
    return AutoModelForMaskedLM.from_pretrained(path)


def fill_mask(model, tokenizer, text, k):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**inputs).logits[0]
    position = (inputs["input_ids"][0] == tokenizer.mask_token_id).nonzero()[0, 0]
    scores = logits[position].clone()
    scores[tokenizer.all_special_ids] = -float("inf")
    best = scores.topk(k).indices
    return [tokenizer.decode([token]).strip() for token in best.tolist()]
