"""Kata 13 · A score, not a class: regression with num_labels=1

Not every label is a category. A review's star rating, a text's reading
difficulty, how similar two sentences are: these are numbers on a scale, and
predicting them is regression. The sequence-classification head handles it
too: give it a single output (`num_labels=1`) and the model treats the task as
regression. Its loss becomes the mean squared error between that one output and
your float targets, and the output itself, the raw logit, is the predicted
score.

There is nothing to squash afterwards: a sigmoid would bend every score into
(0, 1), and a softmax over a single output always gives 1.0.

Your tasks:
1. `load_regressor(path)`: load the checkpoint at `path` with a one-output
   regression head. It must work on BERT, RoBERTa, DistilBERT, ELECTRA and
   ALBERT checkpoints.
2. `score(model, tokenizer, texts)`: one float per text, the model's raw
   output for it, as a plain Python list. A text must get the same score alone
   or inside a padded batch.

Run `pytest katas/13_regression.py`; stuck? `autokata hint 13`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def load_regressor(path):
    """A sequence model with a single-output head: a regressor trained with MSE."""
    # TODO: load the checkpoint with a head of exactly one output.
    raise NotImplementedError


def score(model, tokenizer, texts: list[str]) -> list[float]:
    """The regressor's raw output for each text, in order."""
    # TODO: tokenize the batch with padding, run the model, return logits[:, 0] as Python floats.
    raise NotImplementedError
