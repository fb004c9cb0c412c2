"""Wrong answer: builds the classifier from its config, so the fine-tuned encoder is lost."""

from transformers import AutoConfig, AutoModelForSequenceClassification

MUTANT_EXPECTS = "randomly initialised"


def reload_with_labels(path, labels):
    id2label = dict(enumerate(labels))
    config = AutoConfig.from_pretrained(
        path, id2label=id2label, label2id={label: index for index, label in id2label.items()}
    )
    return AutoModelForSequenceClassification.from_config(config)
