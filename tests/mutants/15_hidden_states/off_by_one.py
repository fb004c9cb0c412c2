"""Wrong answer: counts layers from 1, so depth k reads hidden_states[k + 1]."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "off by one"


def layer_vectors(path, text: str, layer: int) -> torch.Tensor:
    """The token vectors of `text` after `layer` layers (0 = the embedding output)."""
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    batch = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        hidden_states = model(**batch, output_hidden_states=True).hidden_states
    return hidden_states[layer + 1][0]
