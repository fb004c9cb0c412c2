"""Wrong answer: swaps the head with the flag, but "cleans" the new names (strips spaces)."""

from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "not exactly the ones you were given"


def reload_with_labels(path, labels):
    id2label = {index: label.strip() for index, label in enumerate(labels)}
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
        ignore_mismatched_sizes=True,
    )
