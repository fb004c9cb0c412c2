"""Wrong answer: turns off the softmax, so scores are raw logits."""

from transformers import pipeline

MUTANT_EXPECTS = "Your scores are raw logits"


def classify(path, texts: list[str]) -> list[dict]:
    classifier = pipeline("text-classification", model=path, function_to_apply="none")
    return classifier(texts)
