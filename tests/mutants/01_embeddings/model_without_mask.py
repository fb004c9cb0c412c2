"""Wrong answer: the mean leaves the padding out, but the model runs on the ids alone, so real
tokens attend to the padding."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "was never told where the padding was"


def load_encoder(path):
    return AutoModel.from_pretrained(path)


def embed(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(batch["input_ids"]).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1)
