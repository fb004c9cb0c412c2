"""Wrong answer: returns class indices instead of label names."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "returned class indices"


def load_sentiment_classifier(path):
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=2, id2label={0: "negative", 1: "positive"}, label2id={"negative": 0, "positive": 1}
    )


def predict(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return logits.argmax(dim=-1).tolist()
