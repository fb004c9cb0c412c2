"""Wrong answer: names the outputs one way only; the name -> index map keeps placeholders."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "the map in the other direction"


def load_classifier(path, labels):
    return AutoModelForSequenceClassification.from_pretrained(path, id2label=dict(enumerate(labels)))
