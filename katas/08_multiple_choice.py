"""Kata 08 · Pick the best of several endings

Multiple-choice tasks (SWAG, CommonsenseQA) give a prompt and a few candidate
endings, and ask which ending fits best. The candidates compete with each
other: the model reads every candidate *paired* with the prompt, gives each
pair one score, and the highest score wins.

What the checks hold you to:
- `load_chooser(path)` returns the checkpoint at `path` (a local folder) with
  its trained encoder weights and a head built to score the candidates of one
  question against each other. BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT and
  DeBERTa-v2 checkpoints must all work.
- `choose(model, tokenizer, prompt, choices)` gets 2 to 5 choices. The model
  must see exactly one row per choice, each row the tokenizer's own encoding
  of the pair (prompt, choice): prompt first, the two texts not joined,
  swapped or cut short, with everything the tokenizer produces for the pair
  (including whatever marks which text a token belongs to).
- Rows of different lengths are padded to one length; the model must not
  read the padding as text.
- Return the index of the best-scoring choice as a plain Python `int`
  (0 for the first choice).
- The head is untrained: the checks compare your index with the model's own
  scores for the choices.

Run `pytest katas/08_multiple_choice.py`. Stuck? `autokata hint 08`; the whole story: `autokata explain 08`.
"""


def load_chooser(path):
    """The checkpoint with a head that makes the choices of one question compete."""
    # TODO: load the trained encoder with a head for competing choices.
    raise NotImplementedError


def choose(model, tokenizer, prompt: str, choices: list[str]) -> int:
    """The index of the choice the model scores highest as the prompt's continuation."""
    # TODO: score every (prompt, choice) pair at once; return the winner.
    raise NotImplementedError
