"""Kata 07 · Find the answer span with AutoModelForQuestionAnswering

Extractive question answering does not write an answer: it points at one in
the text. `AutoModelForQuestionAnswering` reads the question and the context
as one pair and gives every token two scores, `start_logits` and
`end_logits` (shape `[batch, tokens]`): how good that token is as the first,
and as the last, token of the answer.

Turning those scores into an answer is your job, and it is a search:
- Score a span by `start_logits[start] + end_logits[end]`. Picking the best
  start and the best end separately can give an end *before* the start; the
  span must satisfy `start <= end`.
- Only the context can hold the answer. The question's tokens score too, so
  keep to tokens whose `encoding.sequence_ids()` value is 1 (0 is the
  question, None a special token).
- Limit the length: a span may cover at most `max_answer_tokens` tokens
  (`end - start + 1 <= max_answer_tokens`).
- Return the answer as the exact piece of `context` it covers. Encode with
  `return_offsets_mapping=True`: each token's `(start_char, end_char)` tells
  where it sits in its text (remove that key before calling the model).
  Decoding tokens back to text may change case and spacing.

Your tasks:
1. `load_reader(path)`: load the checkpoint at `path` with a question-answering
   head, for any encoder (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT).
2. `answer(model, tokenizer, question, context, max_answer_tokens)`: encode
   the pair (question first), and return the best-scoring allowed span as a
   substring of `context`.

Run `pytest katas/07_extractive_qa.py`; stuck? `autokata hint 07`.
"""

import torch  # noqa: F401  (for torch.no_grad)
from transformers import AutoModelForQuestionAnswering  # noqa: F401  (you will need it)


def load_reader(path):
    """Load the checkpoint with an extractive question-answering head."""
    # TODO: load the model with the Auto class that predicts answer start and end positions.
    raise NotImplementedError


def answer(model, tokenizer, question: str, context: str, max_answer_tokens: int = 15) -> str:
    """The best span of `context` (start <= end, at most `max_answer_tokens` tokens), as a substring."""
    # TODO: encode the pair with offsets, search the context spans, slice `context` with the offsets.
    raise NotImplementedError
