"""Wrong answer: compares the raw logits with the threshold, as if they were probabilities."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "compared the raw scores"


def load_multilabel(path, labels):
    id2label = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        problem_type="multi_label_classification",
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
    )


def predict_tags(model, tokenizer, text, threshold=0.5):
    with torch.no_grad():
        logits = model(**tokenizer(text, return_tensors="pt")).logits[0]
    return {model.config.id2label[i] for i, x in enumerate(logits.tolist()) if x > threshold}
