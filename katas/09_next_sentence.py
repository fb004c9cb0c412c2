"""Kata 09 · Does B follow A? AutoModelForNextSentencePrediction

BERT was pre-trained on two tasks at once. One is filling masked words; the
other is *next-sentence prediction* (NSP): given sentences A and B, did B
really come right after A in the text, or was it picked at random? The NSP
head survives in BERT checkpoints, and `AutoModelForNextSentencePrediction`
loads it. (Later models dropped the task; it is mostly of historical interest
now, but it shows how a pair of sentences is fed to an encoder.)

What to know:
- Encode the two sentences as one *pair*: `tokenizer(first, second)` gives
  `[CLS] A [SEP] B [SEP]`, with `token_type_ids` 0 for A and 1 for B. The
  model must see both at once to judge how they connect.
- `logits` has shape `[1, 2]`, and the order is a convention to learn by
  heart: index 0 means "B is the continuation of A", index 1 means "B is a
  random sentence".
- Logits are not probabilities: a softmax over the two classes turns them
  into probabilities that sum to 1.

Your tasks:
1. `load_nsp(path)`: load the checkpoint at `path` with its trained NSP head.
2. `prob_is_next(model, tokenizer, first, second)`: return, as a Python
   float, the probability the model gives to "`second` follows `first`".

Run `pytest katas/09_next_sentence.py`; stuck? `autokata hint 09`.
"""

import torch  # noqa: F401  (for torch.no_grad and softmax)
from transformers import AutoModelForNextSentencePrediction  # noqa: F401  (you will need it)


def load_nsp(path):
    """Load the checkpoint with its next-sentence-prediction head."""
    # TODO: load the model with the Auto class named after BERT's second pre-training task.
    raise NotImplementedError


def prob_is_next(model, tokenizer, first: str, second: str) -> float:
    """The model's probability that `second` really follows `first` (class 0)."""
    # TODO: encode the pair, run the model, softmax the logits and read the right class.
    raise NotImplementedError
