"""Wrong answer: loads the classifier and freezes nothing."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "The base of your model still trains"


def prepare_probe(path, num_labels: int):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
