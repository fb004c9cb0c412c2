"""Wrong answer: averages over padding tokens too."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "includes the padding tokens"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state

    return hidden.mean(dim=1)
