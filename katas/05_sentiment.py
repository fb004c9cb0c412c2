"""Kata 05 · Sort reviews into negative and positive

Product reviews must be tagged as negative or positive. You hold pretrained
encoder checkpoints (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT, DeBERTa-v2),
saved as local folders with their tokenizers, but none of them carries any task
head: they were never trained to sort texts. Fine-tuning comes later; today you
build the classifier and the code that reads its verdicts.

The contract:
- `load_sentiment_classifier(path)` returns a model that gives one score per
  label for a whole text: exactly two labels, index 0 named "negative" and
  index 1 named "positive" (integer indices, exact lower-case names). The
  model's config knows these names in both directions, index to name and name
  to index, so a saved copy of the model keeps them. The checkpoint's trained
  encoder weights are kept, not drawn anew (only the new scoring part starts
  untrained). The class is the one that fits the checkpoint's architecture,
  and it must work on every encoder listed above.
- `predict(model, tokenizer, texts)` classifies a batch of texts of different
  lengths and returns a list with one label *name* per text, in order: the
  name of its best-scoring label, as the model's config names it (e.g.
  `["positive", "negative"]`).
- A text gets the same label alone or inside a batch with longer texts: the
  padding that evens out the lengths must not sway any verdict.

Run `pytest katas/05_sentiment.py`. Stuck? `autokata hint 05`; the whole story: `autokata explain 05`.
"""


def load_sentiment_classifier(path):
    """The checkpoint at `path` with a two-label head named negative / positive."""
    # TODO: load the checkpoint as a two-label classifier with those names.
    raise NotImplementedError


def predict(model, tokenizer, texts: list[str]) -> list[str]:
    """The best label's name for each text, in order."""
    # TODO: score the batch; return each text's best label name.
    raise NotImplementedError
