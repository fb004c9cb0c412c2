"""Kata 10 · Pre-train from scratch with AutoModelForPreTraining

To train a BERT on a new domain from scratch, you do not want anyone's trained
weights, only the architecture. `AutoConfig.from_pretrained(path)` reads the
shape of a model (sizes, vocabulary); `AutoModelForPreTraining.from_config`
builds that model with fresh random weights and *all* its pre-training heads.
For BERT that is two heads, trained together:
- masked language modelling (MLM): some tokens are replaced by the mask token
  and the model must recover them;
- next-sentence prediction (NSP): does sentence B really follow A?

The model computes the combined loss for you when you give it both kinds of
labels:
- `labels`: same shape as `input_ids`, holding the *original* token id at each
  masked position and -100 everywhere else (-100 means "no loss here", so the
  model is not scored on tokens it could simply copy);
- `next_sentence_label`: shape `[batch]`, 0 when B follows A, 1 when B is a
  random sentence.
The returned `loss` is the MLM loss plus the NSP loss; training calls
`loss.backward()` on it, so it must keep its gradient.

Your tasks:
1. `build_for_pretraining(path)`: a pre-training model with the checkpoint's
   configuration and freshly initialised weights (do not load the weights).
2. `pretraining_loss(model, tokenizer, first, second, mask_positions, is_next)`:
   encode the pair `(first, second)`; `mask_positions` are indices into the
   encoded `input_ids`: put the mask token there and build `labels` from the
   tokens they held; set the NSP label from `is_next`; return the model's
   loss as a scalar tensor with its gradient.

Run `pytest katas/10_pretraining.py`; stuck? `autokata hint 10`.
"""

import torch
from transformers import AutoConfig, AutoModelForPreTraining  # noqa: F401  (you will need them)


def build_for_pretraining(path):
    """A freshly initialised pre-training model shaped like the checkpoint's config."""
    # TODO: read the config from `path` and build the pre-training model from it.
    raise NotImplementedError


def pretraining_loss(
    model, tokenizer, first: str, second: str, mask_positions: list[int], is_next: bool
) -> torch.Tensor:
    """BERT's pre-training loss for one sentence pair: masked-word loss plus next-sentence loss."""
    # TODO: encode the pair, mask the positions, build labels and the NSP label, return the loss.
    raise NotImplementedError
