"""Wrong answer: sorts the labels first, so output i no longer belongs to labels[i]."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "in another order"


def load_classifier(path, labels):
    id2label = dict(enumerate(sorted(labels)))
    label2id = {name: index for index, name in id2label.items()}
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id
    )
