"""Wrong answer: CLS pooling instead of the masked mean."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "first token's vector"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state

    return hidden[:, 0]
