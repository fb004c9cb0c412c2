"""Wrong answer: encodes the text without its special tokens."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "leave out the special tokens"


def layer_vectors(path, text, layer):
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    batch = tokenizer(text, add_special_tokens=False, return_tensors="pt")
    with torch.no_grad():
        return model(**batch, output_hidden_states=True).hidden_states[layer][0]
