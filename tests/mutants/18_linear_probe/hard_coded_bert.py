"""Wrong answer: freezes `model.bert`, which only BERT checkpoints have."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "exists only in one family"


def prepare_probe(path, num_labels: int):
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    for parameter in model.bert.parameters():
        parameter.requires_grad = False
    return model
