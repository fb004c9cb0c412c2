"""Wrong answer: new head with names one way only; the name -> index map is not the new one."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "the map in the other direction"


def reload_with_labels(path, labels):
    return AutoModelForSequenceClassification.from_pretrained(
        path, id2label=dict(enumerate(labels)), ignore_mismatched_sizes=True
    )
