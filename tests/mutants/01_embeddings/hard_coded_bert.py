"""Wrong answer: hard-codes the BERT class."""

import torch
from transformers import BertModel

MUTANT_EXPECTS = "one architecture's own class"


def load_encoder(path):
    return BertModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
