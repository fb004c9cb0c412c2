"""Wrong answer: freezes every parameter whose name lacks `classifier` (right on every zoo
encoder, whose heads are all named so; wrong on decoders, whose head is `score`)."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "not every family calls its head `classifier`"


def prepare_probe(path, num_labels: int):
    """A sequence classifier whose pretrained base is frozen: only the head trains."""
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels)
    for name, parameter in model.named_parameters():
        if "classifier" not in name:
            parameter.requires_grad = False
    return model
