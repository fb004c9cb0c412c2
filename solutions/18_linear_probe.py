"""Kata 18 · Freeze the base, train the head (reference solution)."""

from transformers import AutoModelForSequenceClassification


def prepare_probe(path, num_labels: int):
    """A sequence classifier whose pretrained base is frozen: only the head trains."""
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    for parameter in model.base_model.parameters():
        parameter.requires_grad = False
    return model
