"""Wrong answer: a sigmoid per label, but always cut at 0.5 whatever threshold is asked for."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "ignore the `threshold` argument"


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
        probabilities = torch.sigmoid(model(**tokenizer(text, return_tensors="pt")).logits[0])
    return {model.config.id2label[i] for i, p in enumerate(probabilities.tolist()) if p > 0.5}
