"""Kata 04 · Fill the blank with AutoModelForMaskedLM

BERT-style encoders were pre-trained by hiding some tokens behind a special
mask token and guessing them back. The guess uses the words on *both* sides of
the blank, which a left-to-right (causal) model cannot do. `AutoModelForMaskedLM`
loads a checkpoint with that masked-LM head: for every position it returns one
score per vocabulary token, `logits` of shape `[batch, tokens, vocab_size]`.

Each tokenizer has its own mask token: `[MASK]` for BERT, DistilBERT, ELECTRA
and ALBERT, `<mask>` for RoBERTa. Read it from the tokenizer
(`tokenizer.mask_token`, `tokenizer.mask_token_id`) instead of typing it.

Your tasks:
1. `load_mlm(path)`: load the checkpoint at `path` (a local folder) with its
   masked-LM head. It must work for BERT, RoBERTa, DistilBERT, ELECTRA and
   ALBERT alike.
2. `fill_mask(model, tokenizer, text, k)`: `text` contains the tokenizer's mask
   token (`tokenizer.mask_token`) exactly once. Return the `k` most likely
   tokens for that position, best first, each one decoded on its own with the
   tokenizer and stripped of surrounding spaces (some tokenizers keep a word's
   leading space inside the token).

Run `pytest katas/04_fill_mask.py`; stuck? `autokata hint 04`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForMaskedLM  # noqa: F401  (you will need it)


def load_mlm(path):
    """Load the checkpoint at `path` with the head that guesses masked tokens."""
    # TODO: load the model from `path` with the Auto class for masked language modelling.
    raise NotImplementedError


def fill_mask(model, tokenizer, text: str, k: int) -> list[str]:
    """The `k` best tokens for the mask in `text`, best first, each decoded and stripped."""
    # TODO: tokenize, run the model, find the mask's position, take the top k scores there, decode.
    raise NotImplementedError
