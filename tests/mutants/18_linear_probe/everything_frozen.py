"""Wrong answer: freezes every parameter, the head included."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "you froze the head too"


def prepare_probe(path, num_labels: int):
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    for parameter in model.parameters():
        parameter.requires_grad = False
    return model
