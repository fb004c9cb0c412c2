"""Kata 15 · Read the vectors of any layer

A forward pass normally hands you the token vectors of the last layer only. Earlier layers
are often more useful: lower ones keep more about the words themselves, higher ones more
about their context, and probing or feature extraction picks the depth that works best. You
want the vectors at any depth you name.

Write `layer_vectors(path, text, layer)`:

- `path` is a local folder holding a pretrained encoder checkpoint and its tokenizer: BERT,
  RoBERTa, DistilBERT, ELECTRA, ALBERT or DeBERTa-v2, with any number L of transformer layers
  (do not assume two, or any fixed width).
- `text` is one string, to be used exactly as given (spaces around it, capitals and accents
  included). Encode it the way the checkpoint's tokenizer does by default, special tokens
  included.
- `layer` is an int from 0 to L. Depth 0 is the output of the embedding step, before any
  transformer layer has run; depth k is the output of the k-th layer; depth L is the final
  output the model gives anyway.
- Return a torch.Tensor of shape [tokens, hidden], without a batch axis: one vector per
  token of the encoded text, at that depth, as the checkpoint's trained weights compute it in
  the precision they are stored in.

Run `pytest katas/15_hidden_states.py`. Stuck? `autokata hint 15`; the whole story: `autokata explain 15`.
"""

import torch


def layer_vectors(path, text: str, layer: int) -> torch.Tensor:
    """The token vectors of `text` after `layer` layers (0 = the embedding output)."""
    # TODO: load the checkpoint and return this text's vectors at that depth.
    raise NotImplementedError
