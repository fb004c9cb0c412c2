"""Wrong answer: pads the one text to a fixed length and returns the padding's vectors too."""

import torch
from transformers import AutoModel, AutoTokenizer

MUTANT_EXPECTS = "more vectors than the text has tokens"


def layer_vectors(path, text, layer):
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    batch = tokenizer(text, padding="max_length", max_length=64, truncation=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch, output_hidden_states=True).hidden_states[layer][0]
