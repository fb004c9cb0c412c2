"""Wrong answer: AutoModelForCausalLM, which reads only the left context."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "is not that masked-LM class"


def load_mlm(path):
    return AutoModelForCausalLM.from_pretrained(path)


def fill_mask(model, tokenizer, text, k):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**inputs).logits[0]
    position = (inputs["input_ids"][0] == tokenizer.mask_token_id).nonzero()[0, 0]
    best = logits[position].topk(k).indices
    return [tokenizer.decode([token]).strip() for token in best.tolist()]
