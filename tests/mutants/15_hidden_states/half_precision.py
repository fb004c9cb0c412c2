"""Wrong answer: right depth, but the model is loaded in bfloat16 to save memory."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "not in the checkpoint's precision"


def layer_vectors(path, text, layer):
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path, dtype=torch.bfloat16)
    with torch.no_grad():
        states = model(**tokenizer(text, return_tensors="pt"), output_hidden_states=True).hidden_states
    return states[layer][0]
