"""Wrong answer: the words joined into one string, so the tokenizer re-splits them (at punctuation too)."""

import torch
from transformers import AutoModelForTokenClassification

MUTANT_EXPECTS = "joined the words into one string"


def load_tagger(path, labels: list[str]):
    """Load the checkpoint with a token-classification head named after `labels`."""
    return AutoModelForTokenClassification.from_pretrained(
        path,
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )


def tag(model, tokenizer, words: list[str]) -> list[str]:
    """One label name per word: the prediction of the word's first sub-token."""
    encoding = tokenizer(" ".join(words), return_tensors="pt")
    with torch.no_grad():
        predictions = model(**encoding).logits[0].argmax(dim=-1).tolist()
    labels = []
    previous = None
    for position, word in enumerate(encoding.word_ids()):
        if word is not None and word != previous:
            labels.append(model.config.id2label[predictions[position]])
        previous = word
    return labels
