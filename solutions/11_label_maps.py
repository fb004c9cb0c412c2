"""Kata 11 · Label names that survive a reload (reference solution)."""

from transformers import AutoModelForSequenceClassification


def load_classifier(path, labels: list[str]):
    """A classifier whose outputs are named by `labels`, index i for `labels[i]`."""
    id2label = dict(enumerate(labels))
    label2id = {label: index for index, label in id2label.items()}
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id
    )
