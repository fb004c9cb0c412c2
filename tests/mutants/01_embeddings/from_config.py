"""Wrong answer: builds the model from its config, so the weights are random."""

import torch
from transformers import AutoConfig, AutoModel

MUTANT_EXPECTS = "randomly initialised"


def load_encoder(path):
    return AutoModel.from_config(AutoConfig.from_pretrained(path))


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
