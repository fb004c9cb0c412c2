"""Wrong answer: AutoModel, the bare encoder without a classification head."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "has no classification head"


def load_sentiment_classifier(path):
    return AutoModel.from_pretrained(path)


def predict(model, tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return [model.config.id2label[index] for index in logits.argmax(dim=-1).tolist()]
