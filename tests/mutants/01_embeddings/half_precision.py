"""Wrong answer: runs the encoder in bfloat16 to save memory and returns bfloat16 vectors."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "returned a tensor of dtype torch.bfloat16"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state.to(torch.bfloat16)
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
