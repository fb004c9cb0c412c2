"""Kata 11 · Label names that survive a reload

A support team wants a text classifier whose outputs carry their own names. An output
number alone ("class 3") means nothing to whoever reads the predictions, and a model handed
to another team must still say "refund", not a placeholder, after it has been written to a
folder and loaded back from it.

Write `load_classifier(path, labels)`:

- `path` is a local folder holding a pretrained encoder checkpoint with no classification head
  yet. It may be a BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT or DeBERTa-v2 checkpoint: your
  code must not care which.
- `labels` is a list of 2 to 20 distinct label names, in order. A name is any text: any
  script or emoji, digits such as "0", spaces inside it or around it ("  spam "). Use each
  name exactly as given: no stripping, lower-casing, sorting or Unicode normalisation.
- Return a model that scores a whole text: the checkpoint's trained weights (in the precision
  they are stored in) under a new head with exactly one output per label, output i belonging
  to `labels[i]` (for one text, scores of shape [1, len(labels)]).
- The model's configuration must know the names in both directions: from each output index
  (an int) to its name, and from each name back to its index. Placeholder names do not count,
  and the configuration's own count of outputs must agree with the head.
- All of it must survive writing the model to a folder and loading that folder again with no
  extra arguments: same number of outputs, same names both ways, same scores.

Run `pytest katas/11_label_maps.py`. Stuck? `autokata hint 11`; the whole story: `autokata explain 11`.
"""


def load_classifier(path, labels: list[str]):
    """A classifier whose outputs are named by `labels`, index i for `labels[i]`."""
    # TODO: load a classifier whose outputs carry these names, both ways.
    raise NotImplementedError
