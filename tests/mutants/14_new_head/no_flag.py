"""Wrong answer: asks for the new labels without `ignore_mismatched_sizes=True` (the load raises)."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "will not drop trained head weights"


def reload_with_labels(path, labels):
    id2label = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path, id2label=id2label, label2id={label: index for index, label in id2label.items()}
    )
