"""Wrong answer: resizes the head with num_labels but leaves the outputs unnamed."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "placeholders LABEL_0"


def reload_with_labels(path, labels):
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), ignore_mismatched_sizes=True
    )
