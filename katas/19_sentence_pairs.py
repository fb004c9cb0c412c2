"""Kata 19 · Encode sentence pairs to a fixed length

Many tasks read two texts at once: a question and a passage, a premise and a
hypothesis, a query and a document. A model trained on pairs expects them as
ONE sequence in which its tokenizer marks where the first text ends and the
second begins (for BERT: `[CLS] first [SEP] second [SEP]`), and BERT-style
models also get a segment id per token: 0 for the first text, 1 for the
second. Other tokenizers (RoBERTa's) mark the boundary with separators only
and give no segment ids at all. Gluing the two texts into one string loses
the boundary either way.

Batches of fixed size need every encoding to have exactly the length asked
for. A pair that is too long must be cut, and here the first text (the
question) is the one that matters: it is never cut, the second (the long
passage) loses tokens from its end. A pair that is too short must be filled
with the tokenizer's filler token up to that length, masked out so the model
ignores it.

Your task: `encode_pair` receives a tokenizer, the two texts and, last, the
length every encoding must have. It returns what the tokenizer gives for the
pair, as PyTorch tensors, each of shape [1, that length]:
- the same entries the tokenizer itself gives for a pair: token ids and
  attention mask, plus segment ids exactly where this tokenizer has them
  (never added where it has none);
- the length counts every token, separators and special tokens included;
- a long pair keeps every token of the first text and all of the second text
  that fits; a short pair keeps both texts whole and is filled up to the
  length, on the side this tokenizer fills by default.

It is called with BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT and DeBERTa-v2
tokenizers, on drawn texts (some with words the tokenizers split into pieces)
and lengths drawn on both sides: some pairs too long, some too short.

Run `pytest katas/19_sentence_pairs.py`. Stuck? `autokata hint 19`; the whole story: `autokata explain 19`.
"""


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    """The pair as tensors of shape [1, length]; only the second text may be cut."""
    # TODO: encode both texts as one pair of exactly the given length.
    raise NotImplementedError
