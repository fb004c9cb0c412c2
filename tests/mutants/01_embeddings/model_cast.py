"""Wrong answer: casts the caller's model to bfloat16 in place, then returns float32 vectors."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "changed the model it was given to torch.bfloat16"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    model.to(torch.bfloat16)
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state.float()
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
