"""Wrong answer: sizes the head with num_labels but never names the outputs."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "placeholders LABEL_0"


def load_classifier(path, labels):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=len(labels))
