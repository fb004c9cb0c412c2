"""Kata 34 · A causal LM as a classifier

`AutoModelForSequenceClassification` also works on decoders (GPT-2, Llama,
Qwen2): it puts a linear head on one position of the last hidden layer. An
encoder classifier can use the first token, which has read the whole text;
a decoder's first token has read nothing yet, so the head reads the *last
real token*, the only one that has seen every word.

In a padded batch the last position of a short text is padding. The model
finds each row's last real token by looking for `config.pad_token_id` in
`input_ids`. Two things go wrong with decoders:

- their tokenizers often have no pad token at all, so padding a batch
  raises. Reusing the end-of-text token as padding is the usual fix;
- the *model* must know the pad id too. Setting it on the tokenizer only
  leaves `model.config.pad_token_id` empty, and the model refuses any batch
  of more than one text, because it cannot tell padding from text.

One more trap: GPT-2 numbers positions absolutely, so padding on the left
shifts every real token's position and changes its prediction. Padding on
the right keeps them; the pad id tells the model where each row ends.

Your tasks:
1. `load_causal_classifier(path, num_labels)`: load the decoder at `path`
   with a fresh classification head of `num_labels` outputs, ready for
   padded batches (it must know its pad token id).
2. `predict_batch(model, tokenizer, texts)`: run all texts as ONE padded
   batch and return the predicted label index of each (a list of ints).
   The tokenizer you get is the checkpoint's own, possibly without a pad
   token. Each text must get the same label as when it is run alone.

Run `pytest katas/34_causal_classifier.py`; stuck? `autokata hint 34`.
"""

import torch  # noqa: F401  (you will need them)
from transformers import AutoModelForSequenceClassification, AutoTokenizer  # noqa: F401


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a `num_labels`-way classification head that knows its pad id."""
    # TODO: load the classifier with `num_labels`, and give its config the tokenizer's pad id (or EOS's).
    raise NotImplementedError


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    # TODO: make sure the tokenizer can pad, tokenize the batch with padding, take the argmax of the logits.
    raise NotImplementedError
