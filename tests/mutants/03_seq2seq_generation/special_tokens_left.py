"""Wrong answer: decodes without `skip_special_tokens=True`, so start/end tokens stay in the text."""

import torch
from transformers import AutoModelForSeq2SeqLM

MUTANT_EXPECTS = "still holds special tokens"


def load_seq2seq(path):
    return AutoModelForSeq2SeqLM.from_pretrained(path)


def transduce(model, tokenizer, text, num_beams, max_new_tokens):
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, num_beams=num_beams, max_new_tokens=max_new_tokens)
    return tokenizer.decode(output[0])
