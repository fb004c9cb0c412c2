"""Kata 06 · Tag words with AutoModelForTokenClassification

Named-entity recognition and part-of-speech tagging give a label to every
*word*, not to the whole text. `AutoModelForTokenClassification` puts a small
classifier on top of every token the encoder outputs: its `logits` have shape
`[batch, tokens, num_labels]`.

Two things make this harder than it looks:
- The model must know your label set when you load it: how many outputs its
  head needs, and the name of each one. `config.id2label` maps an output index
  to a label name (and `label2id` back); they are saved with the model.
- Tokens are not words. A word the vocabulary does not know is cut into
  several sub-tokens ("xylophone" may become `x ##yl ##oph ##one`), and the
  tokenizer adds special tokens such as `[CLS]` and `[SEP]` around the text.
  Encode the word list with `is_split_into_words=True` and ask the encoding's
  `word_ids()` which word each token came from (`None` for special tokens).
  The usual convention, used here: a word gets the label predicted for its
  *first* sub-token.

Your tasks:
1. `load_tagger(path, labels)`: load the checkpoint at `path` with a
   token-classification head of `len(labels)` outputs, where output `i` is
   named `labels[i]` (set both `id2label` and `label2id`). Any encoder
   (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT) must work.
2. `tag(model, tokenizer, words)`: return exactly one label name per word,
   in order, taken from the word's first sub-token.

Run `pytest katas/06_ner.py`; stuck? `autokata hint 06`.
"""

import torch  # noqa: F401  (for torch.no_grad)
from transformers import AutoModelForTokenClassification  # noqa: F401  (you will need it)


def load_tagger(path, labels: list[str]):
    """Load the checkpoint with a token-classification head named after `labels`."""
    # TODO: load with the Auto class for per-token labels, giving it id2label and label2id.
    raise NotImplementedError


def tag(model, tokenizer, words: list[str]) -> list[str]:
    """One label name per word: the prediction of the word's first sub-token."""
    # TODO: encode the words, predict per token, keep each word's first sub-token, map ids to names.
    raise NotImplementedError
