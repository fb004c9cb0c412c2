"""Kata 35 · Inputs longer than the model

A transformer has one learned position embedding per position, so it can read
at most so many tokens. Feed it more and it crashes (an index past the end of
the position table) or, worse, some other layer complains with a confusing
shape error. Real inputs (a long review, a whole article) are often longer,
so a classifier must cut them to fit.

Cut in *tokens*, not characters or words: a character budget says nothing
about how many tokens the text becomes (rare words split into several), and
it throws away text the model could have read. The tokenizer does it right:
`truncation=True` keeps the first tokens, leaves room for the special tokens
(`[CLS]`, `[SEP]`, ...) and stops at `max_length`, which defaults to
`tokenizer.model_max_length`, the number of tokens the model accepts.

Careful with `model.config.max_position_embeddings`: it is not always the
usable length. RoBERTa-style models reserve the first positions for padding,
so their table is two entries longer than what they can take (roberta-base:
514 positions, 512 tokens). `tokenizer.model_max_length` is the number to use.

Your task: `classify_long(model, tokenizer, text)` returns the predicted label
index (an int) of a sequence classifier for `text`, which may be far longer
than the model's limit. Keep the beginning of the text, cut at the limit.

Run `pytest katas/35_long_inputs.py`; stuck? `autokata hint 35`.
"""

import torch  # noqa: F401  (you will need it)


def classify_long(model, tokenizer, text: str) -> int:
    """The predicted label index for `text`, read up to the model's limit in tokens."""
    # TODO: tokenize with truncation to the model's limit, run the model, return the argmax as an int.
    raise NotImplementedError
