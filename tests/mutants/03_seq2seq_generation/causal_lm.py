"""Wrong answer: AutoModelForCausalLM, a decoder-only class (none for T5, the bare decoder for BART)."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "is not that encoder-decoder generator"


def load_seq2seq(path):
    return AutoModelForCausalLM.from_pretrained(path)


def transduce(model, tokenizer, text, num_beams, max_new_tokens):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, num_beams=num_beams, max_new_tokens=max_new_tokens)
    return tokenizer.decode(output[0], skip_special_tokens=True)
