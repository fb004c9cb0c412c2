"""Wrong answer: the token-classification task (one label per token) instead of text-classification."""

from transformers import pipeline

MUTANT_EXPECTS = "builds a TokenClassificationPipeline"


def classify(path, texts: list[str]) -> list[dict]:
    classifier = pipeline("token-classification", model=path)
    return classifier(texts)
