"""Kata 19 · Encode sentence pairs to a fixed length

Many tasks read two texts at once: a question and a passage, a premise and a
hypothesis, a query and a document. Given the two texts as two arguments,
`tokenizer(first, second, ...)`, a tokenizer encodes the pair as ONE sequence
with separators marking the boundary: for BERT `[CLS] first [SEP] second [SEP]`.
Gluing the texts into one string loses that boundary.

BERT-style tokenizers also return `token_type_ids`: 0 for every token of the
first segment, 1 for the second, so the model can tell them apart. RoBERTa's
tokenizer has no such thing (its separators do the job) and returns no
`token_type_ids`; do not add them where the tokenizer does not.

Fixed-size batches need every encoding to be exactly `max_length` tokens:
- too long: cut it. When the first text is the one that matters (the
  question) and the second is a long passage, cut only the second:
  `truncation="only_second"`. Plain `truncation=True` cuts whichever text is
  longer at each step, so it may cut the first text as well.
- too short: pad it, up to `max_length` (`padding="max_length"`).
  `padding=True` pads only to the longest text of a batch: a single pair is
  not padded at all.

Your task: `encode_pair(tokenizer, first, second, max_length)` returns the
tokenizer's encoding of the pair as PyTorch tensors of shape `[1, max_length]`
(`input_ids`, `attention_mask`, and `token_type_ids` where the tokenizer has
them), with only the second text ever cut.

Run `pytest katas/19_sentence_pairs.py`; stuck? `autokata hint 19`.
"""


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    """The pair as tensors of shape [1, max_length]; only the second text may be cut."""
    # TODO: call the tokenizer on the two texts with truncation, padding and a max length.
    raise NotImplementedError
