"""Kata 09 · Does the second sentence follow the first?

BERT was pre-trained on two tasks at once. One fills in masked words. The
other shows the model two sentences, A and B, and asks: did B really come
right after A in the original text, or was it picked at random from
elsewhere? BERT checkpoints still hold the trained head of that second task.

What the checks hold you to:
- `load_nsp(path)` returns the BERT checkpoint at `path` (a local folder)
  with all its trained weights, *including that head* exactly as the
  checkpoint saved it (not a new, randomly initialised one).
- `prob_is_next(model, tokenizer, first, second)` returns, as a plain Python
  `float` between 0 and 1, the probability the model gives to "`second`
  follows `first`". The model's two possible answers ("B follows A" and "B is
  random") have probabilities that sum to 1.
- The model must read both sentences at once, as the pair (`first`, `second`)
  the tokenizer builds, with everything the tokenizer produces for it
  (including whatever marks which sentence a token belongs to).
- The checks may hand `prob_is_next` a model whose head differs from the
  checkpoint's: compute from the model you are given.

Run `pytest katas/09_next_sentence.py`. Stuck? `autokata hint 09`; the whole story: `autokata explain 09`.
"""


def load_nsp(path):
    """The checkpoint with the trained head that judges whether B follows A."""
    # TODO: load the checkpoint together with its trained head for sentence pairs.
    raise NotImplementedError


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first`."""
    # TODO: score the pair, turn scores into a probability, pick "follows".
    raise NotImplementedError
