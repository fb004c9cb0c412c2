"""Wrong answer: index keys written as strings, the way config.json stores them."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "not strings"


def load_classifier(path, labels):
    id2label = {str(index): label for index, label in enumerate(labels)}
    label2id = {label: index for index, label in enumerate(labels)}
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id
    )
