"""Wrong answer: `predict_tags` calls `model.train()` first, so dropout is on while it predicts and the
same text can score differently from one call to the next."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "switched the model it was given into training mode"


def load_multilabel(path, labels: list[str]):
    """A classifier that treats each label as its own yes/no question."""
    id2label = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        problem_type="multi_label_classification",
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
    )


def predict_tags(model, tokenizer, text: str, threshold: float = 0.5) -> set[str]:
    """Every label whose sigmoid probability for `text` is above `threshold`."""
    model.train()  # "make sure the model is ready": it switches dropout on
    batch = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        probabilities = torch.sigmoid(model(**batch).logits[0])
    return {model.config.id2label[index] for index, p in enumerate(probabilities.tolist()) if p > threshold}
