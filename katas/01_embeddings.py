"""Kata 01 · Turn sentences into vectors you can compare

You want to cluster documents and find sentences that say similar things. For
that you need no label and no next word from a model, only what it makes of a
text: one vector per sentence. You hold pretrained encoder checkpoints (BERT,
RoBERTa, DistilBERT, ELECTRA, ALBERT, DeBERTa-v2), saved as local folders
together with their tokenizers; none of them was trained for any task.

The contract:
- `load_encoder(path)` returns the checkpoint's transformer body on its own,
  with nothing stacked on top of it: called, it gives one vector per token of
  its input (the encoder's last layer), not scores for some task. The class is
  the one that fits the checkpoint's own architecture, and the weights are the
  checkpoint's trained ones, not freshly drawn. It must work on every encoder
  listed above.
- `embed(model, tokenizer, texts)` receives such a model and its tokenizer and
  returns a float tensor of shape `[len(texts), hidden size]` in the model's
  own precision (float32 here): row i is the plain average of the last-layer
  vectors of every token the tokenizer makes for `texts[i]` (its special
  tokens included), and of nothing else.
- The texts of one call have different lengths and are encoded together as one
  padded batch. Padding is not part of any text: a text gets the same vector
  (up to float noise) alone or inside a batch with longer texts, on every
  encoder above.
- Neither function changes the model or tokenizer it is given.

Run `pytest katas/01_embeddings.py`. Stuck? `autokata hint 01`; the whole story: `autokata explain 01`.
"""

import torch


def load_encoder(path):
    """The bare encoder of the checkpoint at `path`, trained weights and no task head."""
    # TODO: load the checkpoint as a plain encoder.
    raise NotImplementedError


def embed(model, tokenizer, texts: list[str]) -> torch.Tensor:
    """One vector per text: the mean of its tokens' last-layer vectors, padding left out."""
    # TODO: encode the batch and average each text's real tokens.
    raise NotImplementedError
