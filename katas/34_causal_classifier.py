"""Kata 34 · Classify a batch with a decoder

You want to use a decoder-only language model (GPT-2, Llama, Qwen2) as a text
classifier, and you want to classify many texts at once. A decoder reads left
to right, so the only position that has seen a whole text is its last real
token; in a batch of texts of different lengths, the short ones are padded.

Your tasks:

1. `load_causal_classifier` returns a model loaded from the decoder
   checkpoint at `path` (its trained weights, not a random model) with a
   new classification head, one output per label (as many as its second
   argument asks), ready for padded batches on its own. The check feeds
   the model you return, without your other function, a batch of texts of
   different lengths padded on the right (with an attention mask) by the
   checkpoint's tokenizer, using that tokenizer's padding token, or its
   end-of-text token when it has no padding token. Every row must get the
   scores its text gets alone.
2. `predict_batch(model, tokenizer, texts)` runs all `texts` through `model`
   in ONE forward pass and returns the predicted label index of each text, as
   a list of ints, in order. `model` is such a ready classifier (made by the
   check, not necessarily by your loader); `tokenizer` is the checkpoint's
   own, may have no padding token at all, and pads on the right. Each text
   must get exactly the label it gets when the model reads it alone.

Both must hold on every decoder of the zoo: GPT-2 (which numbers positions
absolutely), Llama and Qwen2, for texts of different lengths.

Run `pytest katas/34_causal_classifier.py`. Stuck? `autokata hint 34`; the whole story: `autokata explain 34`.
"""


def load_causal_classifier(path, num_labels: int):
    """The decoder at `path` with a new classification head, ready for padded batches."""
    # TODO: load it with a fresh head that copes with padding.
    raise NotImplementedError


def predict_batch(model, tokenizer, texts: list[str]) -> list[int]:
    """The predicted label index of each text, from one padded batch."""
    # TODO: classify every text in one padded batch.
    raise NotImplementedError
