"""Wrong answer: "cleans" the label names (strips surrounding spaces) before naming the outputs."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "not exactly the ones you were given"


def load_classifier(path, labels):
    names = [label.strip() for label in labels]
    id2label = dict(enumerate(names))
    label2id = {name: index for index, name in id2label.items()}
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id
    )
