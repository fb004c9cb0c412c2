"""Kata 14 · Swap a fine-tuned head for a new label set

You found a checkpoint already fine-tuned to sort texts into three labels (negative,
neutral, positive), and you want what its encoder learned for a task with other labels.
The encoder fits as it is. The head does not: its last weights have one row per old label,
and your task needs a different number of rows. Asked for another number of labels, the
library refuses by default, because throwing trained weights away is usually a mistake.
Here it is exactly what you want.

Write `reload_with_labels(path, labels)`:

- `path` is a local folder holding that three-label classifier, fine-tuned from a BERT,
  RoBERTa, DistilBERT, ELECTRA, ALBERT or DeBERTa-v2 encoder; your code must not care which.
- `labels` is a list of 2 to 20 distinct new label names (never exactly three), in order.
  A name is any text (any script, digits, spaces around it); use each exactly as given.
- Return a whole-text classifier of the checkpoint's architecture with one output per new
  label (for one text, scores of shape [1, len(labels)]), output i belonging to
  `labels[i]`. Its configuration must know the new names both ways (index, an int, to name;
  name to index), keep none of the old three, and agree with the head on the number of
  outputs.
- Every encoder weight must be the checkpoint's, unchanged (same values, same precision); only
  the head is new (its fresh values are up to the library). Building a model of the right
  shape with random weights does not count.

Run `pytest katas/14_new_head.py`. Stuck? `autokata hint 14`; the whole story: `autokata explain 14`.
"""


def reload_with_labels(path, labels: list[str]):
    """The fine-tuned encoder at `path` under a fresh head for `labels`."""
    # TODO: reload the checkpoint for the new labels, keeping its encoder.
    raise NotImplementedError
