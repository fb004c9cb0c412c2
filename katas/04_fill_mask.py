"""Kata 04 · Fill in the blank

A writing tool suggests words for a gap in a sentence. You hold pretrained
encoder checkpoints (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT, DeBERTa-v2),
saved as local folders with their tokenizers. They were pre-trained on exactly
this game: some tokens of a text were hidden and the model guessed them back,
using the words on both sides of each gap.

The contract:
- `load_mlm(path)` returns the checkpoint as a model that, for every position
  of its input, scores each vocabulary token as the one that belongs there,
  reading the context on both sides. The class is the one that fits the
  checkpoint's architecture, the weights are the checkpoint's trained ones, and
  it must work on every encoder listed above.
- `fill_mask(model, tokenizer, text, k)`: `text` holds the blank exactly once,
  written as this tokenizer's own blank marker (its spelling differs from one
  family to another). Return the `k` tokens the model scores highest at the
  blank, best first, as a list of `k` strings.
- Every vocabulary entry competes, special tokens included: if one of them
  scores among the best, it takes its place in the list.
- Each entry is that token decoded on its own by the tokenizer, with the
  surrounding spaces stripped (some tokenizers keep a word's leading space
  inside the token). A special token may come back as its own text or as the
  empty string (decoded without special tokens); both are accepted.

Run `pytest katas/04_fill_mask.py`. Stuck? `autokata hint 04`; the whole story: `autokata explain 04`.
"""


def load_mlm(path):
    """The checkpoint at `path` as a model that guesses hidden tokens."""
    # TODO: load the checkpoint with its blank-guessing head.
    raise NotImplementedError


def fill_mask(model, tokenizer, text: str, k: int) -> list[str]:
    """The `k` best tokens for the blank in `text`, best first, decoded and stripped."""
    # TODO: rank every token at the blank; return the best k.
    raise NotImplementedError
