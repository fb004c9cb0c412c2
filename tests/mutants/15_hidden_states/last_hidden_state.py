"""Wrong answer: returns last_hidden_state whatever the layer asked for."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "whatever the layer asked for"


def layer_vectors(path, text: str, layer: int) -> torch.Tensor:
    """The token vectors of `text` after `layer` layers (0 = the embedding output)."""
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    batch = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        last = model(**batch).last_hidden_state
    return last[0]
