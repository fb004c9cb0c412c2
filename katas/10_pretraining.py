"""Kata 10 · Pre-train a model from nothing

To pre-train a BERT for a new domain from scratch, you want a checkpoint's
architecture (its sizes, its vocabulary) and none of its trained weights.
BERT's pre-training trains two heads on top of the encoder, together:
- masked words: some tokens are replaced by the mask token, and the model
  must recover the tokens that were there;
- next sentence: given sentences A and B, did B really follow A, or is it a
  random sentence?

What the checks hold you to:
- `build_for_pretraining(path)` returns a model shaped exactly like the BERT
  checkpoint at `path` (same vocabulary size, hidden size, number of layers,
  attention heads and intermediate size), carrying *both* pre-training heads,
  with freshly initialised weights: nothing may come from the checkpoint's
  trained weights.
- `pretraining_loss(model, tokenizer, first, second, mask_positions, is_next)`
  encodes the pair (`first`, `second`) the way the tokenizer pairs two
  sentences, and gives the model everything the tokenizer produces for it.
  `mask_positions` are indices into that encoding's token ids (never special
  tokens): each of those tokens is replaced by the tokenizer's mask token.
- The masked-word loss is scored at the masked positions only, against the
  tokens they held before masking, and nowhere else. The next-sentence target
  is "B follows A" when `is_next` is true, "B is random" otherwise.
- Return the combined loss the model itself computes for these targets
  (masked-word loss plus next-sentence loss) as a one-element tensor that
  still carries its gradient: training will call `backward()` on it.
- The checks run your model in eval mode and compare your loss with the
  loss they compute on the same model.

Run `pytest katas/10_pretraining.py`. Stuck? `autokata hint 10`; the whole story: `autokata explain 10`.
"""

import torch


def build_for_pretraining(path):
    """A freshly initialised pre-training model shaped like the checkpoint."""
    # TODO: the checkpoint's architecture with both heads, weights left untrained.
    raise NotImplementedError


def pretraining_loss(
    model, tokenizer, first: str, second: str, mask_positions: list[int], is_next: bool
) -> torch.Tensor:
    """BERT's pre-training loss for one sentence pair: masked-word loss plus next-sentence loss."""
    # TODO: mask the chosen tokens, give the model both targets, return its loss.
    raise NotImplementedError
