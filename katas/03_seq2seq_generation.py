"""Kata 03 · Rewrite a text, weighing several candidates

Translating or summarising turns one text into another. You hold pretrained
encoder-decoder checkpoints (T5, BART, mBART, Marian, Pegasus), saved as local
folders with their tokenizers: one half reads the whole input, the other half
writes the output token by token while looking back at what the first half read.

Writing one token at a time and always keeping the single best one can miss a
better output; here the writer keeps the best few partial outputs at every step
and returns the best finished one.

The contract:
- `load_seq2seq(path)` returns the checkpoint as a model with both halves and
  the part that scores the writer's next token: the class is the one that fits
  the checkpoint's architecture, the weights are the checkpoint's trained ones.
  It must work on every encoder-decoder listed above.
- `transduce(...)` writes the output for `text`, keeping at every step as
  many candidate outputs (beams) as its beam count asks (always more than one
  here; never a random draw), with at most as many new tokens as its token
  budget allows, and returns the best output as plain text: none of the special
  tokens the writer starts or ends with, or any other the tokenizer knows,
  appear in it.
- The result equals what that search gives for these settings on the model it
  is handed; surrounding whitespace does not matter.

Run `pytest katas/03_seq2seq_generation.py`. Stuck? `autokata hint 03`; the whole story: `autokata explain 03`.
"""


def load_seq2seq(path):
    """The checkpoint at `path` as an encoder-decoder that can write."""
    # TODO: load the checkpoint with both halves and its writing head.
    raise NotImplementedError


def transduce(model, tokenizer, text: str, num_beams: int, max_new_tokens: int) -> str:
    """The best output for `text` under the given search width and budget, as plain text."""
    # TODO: search the output with the given width and budget.
    raise NotImplementedError
