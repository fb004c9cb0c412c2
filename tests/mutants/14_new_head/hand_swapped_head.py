"""Wrong answer: loads the old classifier and swaps its head module by hand. It works where the head
is one linear layer on the pooled vector (BERT) and breaks where the head has its own structure
(RoBERTa and ELECTRA read the token vectors through a head of two layers)."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "Ask for the new labels when you load"


def reload_with_labels(path, labels):
    model = AutoModelForSequenceClassification.from_pretrained(path)
    model.classifier = torch.nn.Linear(model.config.hidden_size, len(labels))
    model.config.id2label = dict(enumerate(labels))
    model.config.label2id = {label: index for index, label in enumerate(labels)}
    return model
