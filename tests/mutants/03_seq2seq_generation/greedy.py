"""Wrong answer: decodes greedily, ignoring `num_beams`."""

import torch
from transformers import AutoModelForSeq2SeqLM

MUTANT_EXPECTS = "decoded greedily (one beam)"


def load_seq2seq(path):
    return AutoModelForSeq2SeqLM.from_pretrained(path)


def transduce(model, tokenizer, text, num_beams, max_new_tokens):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=max_new_tokens)
    return tokenizer.decode(output[0], skip_special_tokens=True)
