"""Wrong answer: hands the pipeline a loaded model object but no tokenizer."""

from transformers import AutoModelForSequenceClassification, pipeline

MUTANT_EXPECTS = "a model object does not carry one"


def classify(path, texts: list[str]) -> list[dict]:
    model = AutoModelForSequenceClassification.from_pretrained(path)
    classifier = pipeline("text-classification", model=model)
    return classifier(texts)
