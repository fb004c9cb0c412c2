"""Kata 12 · Several tags at once: multi-label classification

Some questions have one answer ("is this review positive or negative?"), others
have any number ("which topics does this article touch?": none, one, or
sports *and* politics). The first is single-label classification: the scores
go through a softmax, which makes the labels compete for one unit of
probability, and the loss is cross-entropy. The second is multi-label: every
label is its own yes/no question, each score goes through a sigmoid on its own,
and the loss is binary cross-entropy.

The sequence-classification head is the same linear layer in both cases; what
changes is the config's `problem_type`. Set it to
`"multi_label_classification"` when you load the model and the loss becomes
binary cross-entropy with logits. Left unset, the model guesses the problem
type at each forward pass from your labels, which is not something to rely on.
At prediction time you apply the sigmoid yourself and keep every label whose
probability is above a threshold: zero, one or many tags.

Your tasks:
1. `load_multilabel(path, labels)`: load the checkpoint as a multi-label
   classifier with one output per label, named by `labels` (index i is
   `labels[i]`) in both `id2label` and `label2id`.
2. `predict_tags(model, tokenizer, text, threshold=0.5)`: the set of label
   names whose sigmoid probability is above `threshold` for `text`.

Run `pytest katas/12_multi_label.py`; stuck? `autokata hint 12`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def load_multilabel(path, labels: list[str]):
    """A classifier that treats each label as its own yes/no question."""
    # TODO: load a sequence classifier with the multi-label problem type and both label maps.
    raise NotImplementedError


def predict_tags(model, tokenizer, text: str, threshold: float = 0.5) -> set[str]:
    """Every label whose sigmoid probability for `text` is above `threshold`."""
    # TODO: run the model on `text`, apply a sigmoid to the logits, keep the names above the threshold.
    raise NotImplementedError
