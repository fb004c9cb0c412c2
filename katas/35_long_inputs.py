"""Kata 35 · Inputs longer than the model

A transformer reads at most so many tokens: it has one learned position
embedding per position. Feed it more and it crashes (an index past the end of
the position table, or a confusing shape error from another layer). Real
inputs, a long review or a whole article, are often longer, so a classifier
must cut them to fit.

Your task: `classify_long(model, tokenizer, text)` returns the predicted label
index (a plain int, the most likely label) of the sequence classifier `model`
for `text`, read from its beginning as far as the model can read.

The contract the check holds you to:
- `text` may be far longer than the model can read, or short; `tokenizer`
  is the checkpoint's own;
- the model must be fed exactly the first tokens of the text as this
  tokenizer makes them, with the special tokens the tokenizer adds, and as
  many as the model accepts, special tokens included. That number counts
  tokens, neither words nor characters, and on RoBERTa-style models it is
  smaller than the size of the position table;
- one forward pass on that input: the check watches every forward pass, so
  reading later parts of the text in pieces and combining them fails, and
  so does padding the model is not told about;
- it must hold for BERT, RoBERTa, DistilBERT, ELECTRA and ALBERT classifiers.

Run `pytest katas/35_long_inputs.py`. Stuck? `autokata hint 35`; the whole story: `autokata explain 35`.
"""


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read from its beginning up to the model's limit."""
    # TODO: classify what the model can read of the text.
    raise NotImplementedError
