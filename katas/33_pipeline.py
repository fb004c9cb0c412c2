"""Kata 33 · Pipelines are Auto classes underneath

`pipeline(task, model=...)` is a shortcut: the task name decides which Auto
class is loaded, and the pipeline wraps tokenizing, the forward pass and the
reading of the outputs. Knowing which task sits on which class tells you what
a pipeline can do with a checkpoint, and what it does for you.

Your task: `classify(path, texts)` classifies each text as a whole with a
pipeline built from the local checkpoint folder `path`, and returns what the
pipeline gives: one dict per text.

The contract the check holds you to:
- `path` is a folder holding a text classifier saved with its head and its
  tokenizer, with three labels: negative, neutral, positive;
- build the pipeline yourself from `path` (the check watches which pipeline
  you build, and an answer computed without one fails);
- return a list with exactly one dict per text, in order, each
  `{"label": str, "score": float}`: the name of the most likely label, as
  saved in the checkpoint, and its probability (all labels' probabilities
  for a text sum to 1), nothing else;
- it must hold for BERT, RoBERTa, DistilBERT, ELECTRA and ALBERT
  classifiers, on batches of texts of different lengths;
- the check compares label and probability with the model run by hand on
  the same folder, to 1e-4.

Run `pytest katas/33_pipeline.py`. Stuck? `autokata hint 33`; the whole story: `autokata explain 33`.
"""

from transformers import pipeline  # noqa: F401  (you will need it)


def classify(path, texts: list[str]) -> list[dict]:
    """One {"label": str, "score": float} per text, from a pipeline built on `path`."""
    # TODO: build the right pipeline from `path` and run it.
    raise NotImplementedError
