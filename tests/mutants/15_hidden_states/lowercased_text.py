"""Wrong answer: lower-cases the text before encoding it ("the tokenizer is uncased anyway")."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "belong to another text than the one given"


def layer_vectors(path, text, layer):
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    with torch.no_grad():
        states = model(**tokenizer(text.lower(), return_tensors="pt"), output_hidden_states=True).hidden_states
    return states[layer][0]
