"""Kata 33 · Pipelines are Auto classes underneath (reference solution)."""

from transformers import pipeline


def classify(path, texts: list[str]) -> list[dict]:
    """One {"label": str, "score": float} per text, from a text-classification pipeline on `path`."""
    classifier = pipeline("text-classification", model=path)
    return classifier(texts)
