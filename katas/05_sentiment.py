"""Kata 05 · Binary sentiment with AutoModelForSequenceClassification

To sort whole texts into classes (positive or negative reviews, spam or not),
put a classification head on top of an encoder: a small layer that turns the
text's vector into one score per label. `AutoModelForSequenceClassification`
loads the checkpoint's encoder and adds that head; its output `logits` has
shape `[batch, num_labels]`. The head is new (the checkpoint has none), so it
starts random until you fine-tune it; the plumbing is what this kata is about.

For binary sentiment the head needs two outputs. Name them when you load the
model: `num_labels` alone calls them `LABEL_0` and `LABEL_1`. The names live
in the config as two maps, `id2label` (index -> name) and `label2id` (name ->
index); give both, since each is read on its own (and both are saved with the
model).

Your tasks:
1. `load_sentiment_classifier(path)`: load the checkpoint at `path` (a local
   folder) as a two-label classifier whose labels are `0: "negative"` and
   `1: "positive"`. It must work for BERT, RoBERTa, DistilBERT, ELECTRA and
   ALBERT alike.
2. `predict(model, tokenizer, texts)`: classify a batch of texts of different
   lengths and return one label *name* per text (the best-scoring label, read
   from the model's config), e.g. `["positive", "negative"]`.

Run `pytest katas/05_sentiment.py`; stuck? `autokata hint 05`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def load_sentiment_classifier(path):
    """Load the checkpoint at `path` with a two-label head named negative / positive."""
    # TODO: load the model with the classification Auto class, passing the label maps.
    raise NotImplementedError


def predict(model, tokenizer, texts: list[str]) -> list[str]:
    """The best label's name for each text, in order."""
    # TODO: tokenize the batch with padding, run the model, take the argmax, map ids to names.
    raise NotImplementedError
