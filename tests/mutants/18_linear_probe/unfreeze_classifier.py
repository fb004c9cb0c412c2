"""Wrong answer: freezes everything, then unfreezes `model.classifier`, which decoders lack."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "which it does not have"


def prepare_probe(path, num_labels: int):
    """A sequence classifier whose pretrained base is frozen: only the head trains."""
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    model.requires_grad_(False)
    model.classifier.requires_grad_(True)
    return model
