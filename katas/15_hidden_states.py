"""Kata 15 · Read any layer with output_hidden_states

A forward pass normally hands you only the last layer's token vectors
(`last_hidden_state`). Earlier layers are often more useful: lower layers keep
more about the words themselves, higher ones more about their context, and
probing or feature extraction picks the layer that works best. Ask for
`output_hidden_states=True` in the call (or in the config) and the output gains
`hidden_states`, a tuple with one tensor per depth, each shaped
`[batch, tokens, hidden]`.

Count carefully: a model with L layers returns L + 1 tensors. Index 0 is the
embedding output, before any transformer layer has run; index k is the output
of layer k; the last, index L, equals `last_hidden_state`.

Your task:
`layer_vectors(path, text, layer)`: load the checkpoint at `path` (model and
tokenizer), encode `text` as the tokenizer does by default (special tokens
included), and return the vectors at depth `layer` (0 = embeddings, L = last
layer) for that one text: a tensor of shape `[tokens, hidden]`, without the
batch axis. It must work on BERT, RoBERTa, DistilBERT, ELECTRA and ALBERT
checkpoints of any depth.

Run `pytest katas/15_hidden_states.py`; stuck? `autokata hint 15`.
"""

import torch
from transformers import AutoModel, AutoTokenizer  # noqa: F401  (you will need them)


def layer_vectors(path, text: str, layer: int) -> torch.Tensor:
    """The token vectors of `text` after `layer` layers (0 = the embedding output)."""
    # TODO: load model and tokenizer, run with output_hidden_states=True, pick depth `layer` of the one text.
    raise NotImplementedError
