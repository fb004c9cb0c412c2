"""Wrong answer: loads a masked-LM head instead of the bare encoder."""

import torch
from transformers import AutoModelForMaskedLM

MUTANT_EXPECTS = "without any task head"


def load_encoder(path):
    return AutoModelForMaskedLM.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
