"""Kata 14 · Swap a fine-tuned head for a new label set (reference solution)."""

from transformers import AutoModelForSequenceClassification


def reload_with_labels(path, labels: list[str]):
    """The fine-tuned encoder at `path` under a fresh head for `labels`."""
    id2label = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
        ignore_mismatched_sizes=True,
    )
