"""Kata 03 · Transduce with AutoModelForSeq2SeqLM and beams

Translation and summarisation turn one text into another. Encoder-decoder
models (T5, BART, Marian...) do it in two halves: the encoder reads the whole
input, the decoder writes the output token by token while looking back at the
encoder's vectors. `AutoModelForSeq2SeqLM` loads both halves and the head that
scores the decoder's next token. (`AutoModelForCausalLM` is for decoder-only
models: it has no class for T5, and for BART it gives the decoder alone.)

Beam search keeps the `num_beams` best partial outputs at every step instead of
only the single best token, and returns the best finished sequence. It often
finds a better output than greedy decoding, at `num_beams` times the work.

The output of `generate()` holds only decoder tokens, but some of them are
special: the decoder's start token, and an end-of-sequence token. The reader
wants plain text without them.

Your tasks:
1. `load_seq2seq(path)`: load the checkpoint at `path` (a local folder) as an
   encoder-decoder with its generation head. It must work for T5, BART and
   Marian alike.
2. `transduce(model, tokenizer, text, num_beams, max_new_tokens)`: generate the
   output for `text` with beam search over `num_beams` beams and at most
   `max_new_tokens` new tokens, and return it as text without special tokens.

Run `pytest katas/03_seq2seq_generation.py`; stuck? `autokata hint 03`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForSeq2SeqLM  # noqa: F401  (you will need it)


def load_seq2seq(path):
    """Load the checkpoint at `path` as an encoder-decoder that can generate."""
    # TODO: load the model from `path` with the Auto class for sequence-to-sequence models.
    raise NotImplementedError


def transduce(model, tokenizer, text: str, num_beams: int, max_new_tokens: int) -> str:
    """The beam-search output for `text`, decoded without special tokens."""
    # TODO: tokenize `text`, call model.generate(...) with beams and a budget, decode the best output.
    raise NotImplementedError
