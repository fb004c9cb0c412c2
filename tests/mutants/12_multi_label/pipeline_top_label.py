"""Wrong answer: a text-classification pipeline with its default top_k=1 keeps only the best label."""

from transformers import AutoModelForSequenceClassification, pipeline

MUTANT_EXPECTS = "at most one tag"


def load_multilabel(path, labels: list[str]):
    """A classifier that treats each label as its own yes/no question."""
    id2label = dict(enumerate(labels))
    return AutoModelForSequenceClassification.from_pretrained(
        path,
        problem_type="multi_label_classification",
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
    )


def predict_tags(model, tokenizer, text: str, threshold: float = 0.5) -> set[str]:
    """Every label whose sigmoid probability for `text` is above `threshold`."""
    classify = pipeline("text-classification", model=model, tokenizer=tokenizer)
    return {result["label"] for result in classify([text]) if result["score"] > threshold}
