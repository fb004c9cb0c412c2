"""Wrong answer: asks for every label's score (`top_k=None`), a list per text instead of one dict."""

from transformers import pipeline

MUTANT_EXPECTS = "A list per text is what `top_k=...` asks for"


def classify(path, texts: list[str]) -> list[dict]:
    classifier = pipeline("text-classification", model=path, top_k=None)
    return classifier(texts)
