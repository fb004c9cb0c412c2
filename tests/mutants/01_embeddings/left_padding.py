"""Wrong answer: a correct masked mean, but the batch is padded on the left, which moves the
tokens of short texts to later absolute positions on BERT-style encoders."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "padded on the left"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    tokenizer.padding_side = "left"
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
