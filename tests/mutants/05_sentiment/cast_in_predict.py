"""Wrong answer: `predict` casts the model to bfloat16 "to be faster": every score is rounded, and
close decisions flip."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "a lower precision than the checkpoint's float32"

ID2LABEL = {0: "negative", 1: "positive"}


def load_sentiment_classifier(path):
    """Load the checkpoint at `path` with a two-label head named negative / positive."""
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        num_labels=2,
        id2label=ID2LABEL,
        label2id={name: index for index, name in ID2LABEL.items()},
    )


def predict(model, tokenizer, texts: list[str]) -> list[str]:
    """The best label's name for each text, in order."""
    model = model.to(torch.bfloat16)  # "faster predictions"
    batch = tokenizer(texts, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return [model.config.id2label[index] for index in logits.argmax(dim=-1).tolist()]
