"""Wrong answer: builds the two label maps in the wrong direction."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "maps point the wrong way"


def load_classifier(path, labels):
    id2label = {label: index for index, label in enumerate(labels)}
    label2id = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id
    )
