"""Kata 03 · Transduce with AutoModelForSeq2SeqLM and beams (reference solution)."""

import torch
from transformers import AutoModelForSeq2SeqLM


def load_seq2seq(path):
    """Load the checkpoint at `path` as an encoder-decoder that can generate."""
    return AutoModelForSeq2SeqLM.from_pretrained(path)


def transduce(model, tokenizer, text: str, num_beams: int, max_new_tokens: int) -> str:
    """The beam-search output for `text`, decoded without special tokens."""
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, num_beams=num_beams, max_new_tokens=max_new_tokens)
    return tokenizer.decode(output[0], skip_special_tokens=True)
