"""Kata 01 · Sentence embeddings with AutoModel

Sometimes you do not want a model's *answer* (a label, a next word) but its
*understanding*: one vector per text, to cluster documents or find similar
sentences. `AutoModel` loads a checkpoint's transformer body with no task head
on top: its output is `last_hidden_state`, one vector per token, shape
`[batch, tokens, hidden]`.

To get one vector per text, average the token vectors. In a padded batch the
short texts carry padding tokens; they must not count in the average. The
tokenizer's `attention_mask` (1 = real token, 0 = padding) tells you which
ones to keep.

Your tasks:
1. `load_encoder(path)`: load the checkpoint at `path` (a local folder) as a
   bare encoder, without any head. It must work for BERT, RoBERTa, DistilBERT,
   ELECTRA and ALBERT checkpoints alike.
2. `embed(model, tokenizer, texts)`: return a float tensor of shape
   `[len(texts), hidden_size]`, the mean of each text's token vectors over its
   real tokens only. A text must get the same vector alone or in a batch.

Run `pytest katas/01_embeddings.py`; stuck? `autokata hint 01`.
"""

import torch
from transformers import AutoModel  # noqa: F401  (you will need it)


def load_encoder(path):
    """Load the checkpoint at `path` as a base model with no task head."""
    # TODO: load the model from `path` with the Auto class that adds no head.
    raise NotImplementedError


def embed(model, tokenizer, texts: list[str]) -> torch.Tensor:
    """One vector per text: the mean of its token vectors, padding left out."""
    # TODO: tokenize the batch with padding, run the model, average over real tokens.
    raise NotImplementedError
