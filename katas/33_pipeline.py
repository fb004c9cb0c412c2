"""Kata 33 · Pipelines are Auto classes underneath

`pipeline(task, model=path)` is a shortcut: the task name picks an Auto class,
loads it and the tokenizer from the same folder, and wraps the
tokenize -> forward -> post-process steps. Knowing which class sits under
which task tells you what a pipeline can do with a checkpoint:

    "text-classification" (alias "sentiment-analysis")  AutoModelForSequenceClassification
    "token-classification" (alias "ner")                AutoModelForTokenClassification
    "fill-mask"                                         AutoModelForMaskedLM
    "text-generation"                                   AutoModelForCausalLM
    "feature-extraction"                                AutoModel

(transformers 5 removed the "question-answering", "summarization",
"translation" and "text2text-generation" pipelines: for those you use the
Auto classes directly.)

A text-classification pipeline returns one `{"label": ..., "score": ...}` per
text: the label name from the config's `id2label` for the highest logit, and
its softmax probability.

Your task: `classify(path, texts)` builds a text-classification pipeline from
the local checkpoint folder `path` (a classifier saved with labels
negative/neutral/positive) and returns its list of dicts, one per text.
If you load the model yourself and hand the object to `pipeline`, hand it the
tokenizer too: a model object does not carry one.

Run `pytest katas/33_pipeline.py`; stuck? `autokata hint 33`.
"""

from transformers import pipeline  # noqa: F401  (you will need it)


def classify(path, texts: list[str]) -> list[dict]:
    """One {"label": str, "score": float} per text, from a text-classification pipeline on `path`."""
    # TODO: build the pipeline for the right task from `path` and run it on the texts.
    raise NotImplementedError
