"""Kata 18 · Freeze the base, train the head

A linear probe asks: how much does a pretrained encoder already know? You keep
the encoder exactly as it is and train only a small classification head on
top of its features. It is quick, needs little data, and cannot damage the
pretrained weights.

A task model such as `AutoModelForSequenceClassification` is two parts: the
base model (the pretrained transformer) and the head (a fresh linear layer or
two). PyTorch trains a parameter only while its `requires_grad` is True, so
freezing means setting it to False on every parameter of the base. The base
sits under a different attribute in each family (`model.bert`,
`model.roberta`, `model.distilbert`, ...), but every transformers model also
exposes it as `model.base_model`, so one line freezes the base whatever the
architecture. After that, a backward pass fills `.grad` only for the head;
the base's gradients stay `None`.

Note that `model.eval()` does not freeze anything: it switches dropout off,
and the weights still get gradients.

Your task: `prepare_probe(path, num_labels)` loads the checkpoint at `path`
as a sequence classifier with `num_labels` outputs and freezes its base, so
that the trainable parameters are exactly the head's. It must work for BERT,
RoBERTa, DistilBERT, ELECTRA and ALBERT.

Run `pytest katas/18_linear_probe.py`; stuck? `autokata hint 18`.
"""

from transformers import AutoModelForSequenceClassification  # noqa: F401  (you will need it)


def prepare_probe(path, num_labels: int):
    """A sequence classifier whose pretrained base is frozen: only the head trains."""
    # TODO: load the classifier with `num_labels` outputs, then stop gradients for its base.
    raise NotImplementedError
