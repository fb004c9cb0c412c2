"""Wrong answer: loads the classifier and freezes nothing."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "still trains: every one of its parameters"


def prepare_probe(path, num_labels: int):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
