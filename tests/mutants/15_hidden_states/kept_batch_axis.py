"""Wrong answer: returns the depth's tensor with its batch axis, [1, tokens, hidden]."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "returned the batch axis too"


def layer_vectors(path, text, layer):
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    with torch.no_grad():
        return model(**tokenizer(text, return_tensors="pt"), output_hidden_states=True).hidden_states[layer]
