"""Wrong answer: believes `model.eval()` freezes the base."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "Evaluation mode does not freeze anything"


def prepare_probe(path, num_labels: int):
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    model.base_model.eval()
    return model
