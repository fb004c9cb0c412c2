"""Wrong answer: labels every token, the special tokens included."""

import torch
from transformers import AutoModelForTokenClassification

MUTANT_EXPECTS = "include the special tokens"


def load_tagger(path, labels: list[str]):
    """Load the checkpoint with a token-classification head named after `labels`."""
    return AutoModelForTokenClassification.from_pretrained(
        path,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )


def tag(model, tokenizer, words: list[str]) -> list[str]:
    """One label name per word: the prediction of the word's first sub-token."""
    encoding = tokenizer(words, is_split_into_words=True, return_tensors="pt")
    with torch.no_grad():
        predictions = model(**encoding).logits[0].argmax(dim=-1).tolist()
    return [model.config.id2label[p] for p in predictions]
