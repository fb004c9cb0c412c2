"""Kata 12 · Several tags for one text

A news site tags its articles with topics. An article may touch none of them, one, or
several at once (sports *and* politics), so the topics do not compete with each other: each
one is its own yes/no question about the text.

1. `load_multilabel(path, labels)`:
   - `path` is a local folder holding a pretrained encoder checkpoint with no classification
     head yet: BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT or DeBERTa-v2; your code must not
     care which.
   - `labels` is a list of 2 to 20 distinct topic names, in order. A name is any text (any
     script, digits, spaces around it); use each exactly as given.
   - Return a model that scores a whole text, with the checkpoint's trained weights (in the
     precision they are stored in) and a new head of exactly one output per label, output i
     belonging to `labels[i]`. Its configuration must know the names both ways (index, an int,
     to name; name to index) and agree with the head on the number of outputs.
   - Its configuration must itself record that the labels are independent yes/no questions,
     rather than leave the model to guess the kind of problem from each batch of targets.
     Given multi-hot float targets (one 0.0 or 1.0 per text and label), the loss the model
     computes must be the binary cross-entropy of each output's logistic probability against
     its target, averaged over every text and label.

2. `predict_tags(model, tokenizer, text, threshold=0.5)`:
   - `model` is a classifier set up as above (its configuration holds its label names), and
     `tokenizer` is the checkpoint's tokenizer.
   - A label's probability depends on its own score only: 1 / (1 + exp(-score)), where the
     score is the model's raw output for that label on `text` alone.
   - Return a Python `set` of label names (strings, as the model's configuration names them)
     whose probability is strictly above `threshold`: it may be empty, or hold every label.
     Called without a threshold, use 0.5.

Run `pytest katas/12_multi_label.py`. Stuck? `autokata hint 12`; the whole story: `autokata explain 12`.
"""


def load_multilabel(path, labels: list[str]):
    """A classifier that treats each label as its own yes/no question."""
    # TODO: load a classifier set up for independent yes/no labels.
    raise NotImplementedError


def predict_tags(model, tokenizer, text: str, threshold: float = 0.5) -> set[str]:
    """Every label whose probability for `text` is above `threshold`."""
    # TODO: score the text and keep each label that clears the threshold.
    raise NotImplementedError
