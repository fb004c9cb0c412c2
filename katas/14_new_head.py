"""Kata 14 · Swap a fine-tuned head for a new label set

You found a checkpoint already fine-tuned for sentiment with three labels
(negative, neutral, positive), and you want to reuse what its encoder learned
for a task with other labels. The encoder fits as it is; the classification
head does not: its last weight matrix has one row per old label, and your task
needs a different number of rows.

Ask `from_pretrained` for your number of labels and it refuses with a size
mismatch, because silently dropping trained weights is usually a mistake. Here
it is what you want, and you say so with `ignore_mismatched_sizes=True`: the
encoder is loaded, the mismatched head weights are left out, and a fresh head
of the new size is initialised in their place. Building the model with
`from_config` instead would give the right shapes but a random encoder, with
everything the checkpoint learned thrown away.

Your task:
`reload_with_labels(path, labels)`: load the three-label checkpoint at `path`
as a sequence classifier with one output per entry of `labels`, named by those
labels (index i is `labels[i]`) in both `id2label` and `label2id`, keeping the
checkpoint's encoder weights.

Run `pytest katas/14_new_head.py`; stuck? `autokata hint 14`.
"""

from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def reload_with_labels(path, labels: list[str]):
    """The fine-tuned encoder at `path` under a fresh head for `labels`."""
    # TODO: load the classifier with the new labels and let it replace the mismatched head.
    raise NotImplementedError
