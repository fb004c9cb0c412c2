"""Kata 06 · Tag every word of a sentence

Named-entity recognition and part-of-speech tagging give a label to every
*word* of a sentence, not one label to the sentence as a whole. You are given
a trained encoder checkpoint and a list of label names (for example
`["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]`); the model must score each word
against those labels.

What the checks hold you to:
- `load_tagger(path, labels)` returns the checkpoint at `path` (a local
  folder) with its trained encoder weights and a new head that gives every
  token one score per label: exactly `len(labels)` outputs. The model's
  configuration must know your label names in both directions: output `i` is
  called `labels[i]`, and the name `labels[i]` leads back to `i`, so a saved
  copy of the model keeps them. BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT and
  DeBERTa-v2 checkpoints must all work.
- `tag(model, tokenizer, words)` receives the sentence already split into
  words (a list of strings) and returns exactly one label name per word, in
  order. Each item of `words` is one word, even when it holds punctuation
  (`"U.S."`, `"don't"`, `"e-mail"`): it gets one label, never several.
- The tokenizer cuts a word it does not know into several sub-tokens and adds
  special tokens of its own, which belong to no word. A word takes the label
  the model scores highest at the word's *first* sub-token; later sub-tokens
  and special tokens are not reported.
- Label names are spelled as the configuration of the model you are given
  names its outputs: the checks may hand `tag` a model whose head and label
  names differ from the ones you loaded. The head is untrained, so the checks
  compare your labels with the model's own predictions, not with real entities.

Run `pytest katas/06_ner.py`. Stuck? `autokata hint 06`; the whole story: `autokata explain 06`.
"""


def load_tagger(path, labels: list[str]):
    """The checkpoint with a head that scores every token against `labels`."""
    # TODO: load the trained encoder with a head that labels every token.
    raise NotImplementedError


def tag(model, tokenizer, words: list[str]) -> list[str]:
    """One label name per word: the model's best label at the word's first sub-token."""
    # TODO: predict per token, then keep one label per word.
    raise NotImplementedError
