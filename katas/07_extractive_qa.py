"""Kata 07 · Find the answer inside a passage

Extractive question answering does not write an answer: it points at one.
Given a question and a context passage, the model reads the two together and
scores every token twice: how good it is as the *first* token of the answer,
and how good as the *last* one. Turning those scores into an answer is a
search, and the search is your job.

What the checks hold you to:
- `load_reader(path)` returns the checkpoint at `path` (a local folder) with
  its trained encoder weights and a head that gives those two scores for
  every token. BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT and DeBERTa-v2
  checkpoints must all work.
- `answer(model, tokenizer, question, context, max_answer_tokens)` encodes
  the question and the context as one pair, question first, the way the
  tokenizer pairs two texts, and gives the model every model input the
  tokenizer produces for that pair (including whatever marks which text a
  token belongs to).
- A span runs from a start token to an end token with `start <= end` (one
  token alone is a span too). Its score is the start score of its first token
  plus the end score of its last token.
- Only tokens of the context may start or end a span: never a token of the
  question, and never one of the special tokens the tokenizer adds around and
  between the texts, however high they score.
- A span covers at most `max_answer_tokens` tokens, both ends included.
- Return the best-scoring allowed span as the exact piece of `context` it
  covers: from the first character of its first token to the last character
  of its last token, with the context's own case, spacing and punctuation.
  Rebuilding text from tokens can change case and spacing, so do not.
- The head is untrained: the checks plant their own scores and compare your
  answer with the best span under these rules.

Run `pytest katas/07_extractive_qa.py`. Stuck? `autokata hint 07`; the whole story: `autokata explain 07`.
"""


def load_reader(path):
    """The checkpoint with a head that scores each token as an answer's start and end."""
    # TODO: load the trained encoder with a start/end scoring head.
    raise NotImplementedError


def answer(model, tokenizer, question: str, context: str, max_answer_tokens: int = 15) -> str:
    """The best allowed span of `context` (start <= end, at most `max_answer_tokens` tokens), as a substring."""
    # TODO: search every allowed span, then cut it out of the context.
    raise NotImplementedError
