"""Kata 18 · Freeze the base, train the head

A linear probe asks how much a pretrained transformer already knows. You keep
the pretrained network exactly as it is and train only a small classification
head on top of its features: it is quick, needs little data, and cannot harm
the pretrained weights.

A sequence classifier built from a checkpoint is two parts: the pretrained
base (embeddings, every layer, and whatever else the checkpoint's own model
holds, such as a pooler) and a head that is new. The head is not one layer
with one name across families: some heads are a single linear layer, others
have a dense layer (or their own pooler) in front of it, and decoders call
theirs differently from encoders. Switching the model to evaluation mode
freezes nothing: it only turns dropout off.

Your task: `prepare_probe(path, num_labels)` loads the checkpoint at `path` as
a sequence classifier with one output per label (as many as the second
argument says, its config agreeing), the checkpoint's trained base weights
included, and returns it prepared so that:
- the parameters that can train are exactly the head's, all of them: every
  parameter of the pretrained base is frozen, no parameter of the head is;
- after a loss on a labelled batch is propagated backwards, every base
  parameter is left without a gradient and every head parameter has one.

It must hold for encoders (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT,
DeBERTa-v2) and for decoders used as classifiers (GPT-2, Llama, Qwen2,
Mistral), whatever the base and the head are called in each.

Run `pytest katas/18_linear_probe.py`. Stuck? `autokata hint 18`; the whole story: `autokata explain 18`.
"""


def prepare_probe(path, num_labels: int):
    """A sequence classifier whose pretrained base is frozen: only the head trains."""
    # TODO: load the classifier, then freeze its pretrained part only.
    raise NotImplementedError
