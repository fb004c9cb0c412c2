"""Kata 11 · Label names that survive a reload

A classification head has one output per label, but an output index alone
("class 3") means nothing to the people reading predictions. The model's
config carries two maps that give those indices names:

- `id2label`: output index (an int) -> label name, used to read predictions;
- `label2id`: label name -> output index, used to turn named training labels
  into the indices the loss needs.

Pass both to `from_pretrained` together with the right number of outputs, and
the config stores them, `save_pretrained` writes them to `config.json`, and
whoever reloads the folder gets the names back. Passing `num_labels` alone
sizes the head but leaves you with placeholder names (`LABEL_0`, `LABEL_1`...).
Transformers does not check the direction of the maps: swapping them is
accepted in memory and only breaks later.

Your task:
`load_classifier(path, labels)`: load the checkpoint at `path` as a sequence
classifier with one output per entry of `labels` (in that order), named by
those labels in both maps. It must work on BERT, RoBERTa, DistilBERT, ELECTRA
and ALBERT checkpoints, for any number of labels and any label text.

Run `pytest katas/11_label_maps.py`; stuck? `autokata hint 11`.
"""

from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def load_classifier(path, labels: list[str]):
    """A classifier whose outputs are named by `labels`, index i for `labels[i]`."""
    # TODO: build id2label and label2id from `labels`, and load the classifier with them.
    raise NotImplementedError
