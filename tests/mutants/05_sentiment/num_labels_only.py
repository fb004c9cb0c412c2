"""Wrong answer: `num_labels=2` without names, so the labels stay LABEL_0 / LABEL_1."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "keep the default names"


def load_sentiment_classifier(path):
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)


def predict(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return [model.config.id2label[index] for index in logits.argmax(dim=-1).tolist()]
