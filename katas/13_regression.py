"""Kata 13 · A score, not a class

Not every target is a category. A review's star rating, a text's reading difficulty, how
similar two sentences are: these are numbers on a scale, and predicting them is regression.
You want a model that reads a whole text and answers with one number, trained by how far
that number lands from the target.

1. `load_regressor(path)`:
   - `path` is a local folder holding a pretrained encoder checkpoint with no head yet: BERT,
     RoBERTa, DistilBERT, ELECTRA, ALBERT or DeBERTa-v2; your code must not care which.
   - Return a model that scores a whole text, with the checkpoint's trained weights (in the
     precision they are stored in) and a new head of exactly one output: for one text, outputs
     of shape [1, 1]. Its configuration must describe that head (so a saved copy reloads with
     it) and must not declare any kind of problem other than predicting a number.
   - Given one float target per text, the loss the model computes must be the mean squared
     error between its single outputs and the targets.

2. `score(model, tokenizer, texts)`:
   - `model` is a regressor set up as above, `tokenizer` the checkpoint's tokenizer, `texts`
     a list of one or more strings of any lengths, each to be scored exactly as given (spaces
     around it, capitals and accents included).
   - Return a plain Python list of floats, one per text, in order: the model's raw output for
     that text, unchanged (nothing squashed into a range, nothing normalised).
   - A text must get the same score alone as inside a batch with longer texts.

Run `pytest katas/13_regression.py`. Stuck? `autokata hint 13`; the whole story: `autokata explain 13`.
"""


def load_regressor(path):
    """A whole-text model that answers with one number, trained by squared error."""
    # TODO: load the checkpoint with a head that predicts one number.
    raise NotImplementedError


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    # TODO: score all texts at once, one plain float each.
    raise NotImplementedError
