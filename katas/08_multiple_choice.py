"""Kata 08 · Pick a choice with AutoModelForMultipleChoice

Multiple-choice tasks (SWAG, CommonsenseQA) give a prompt and a few candidate
answers. `AutoModelForMultipleChoice` does not read all the choices in one
text: each choice becomes its own input row, *paired* with the prompt
(`[CLS] prompt [SEP] choice [SEP]`), and the model gives each row one score.
The highest score wins.

The head expects a 3-D input, `[batch, num_choices, tokens]`: one question
with 4 choices is a batch of 1 holding 4 rows. Encode the prompt once per
choice as pairs (`tokenizer([prompt] * n, choices, padding=True, ...)`, which
gives `[num_choices, tokens]`), then add the batch axis in front of every
tensor it returns (`token_type_ids` included: they tell the prompt's tokens from
the choice's). The logits come back as `[batch, num_choices]`.

Your tasks:
1. `load_chooser(path)`: load the checkpoint at `path` with a multiple-choice
   head, for any encoder (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT).
2. `choose(model, tokenizer, prompt, choices)`: feed one row per choice, each
   pairing the prompt (first) with that choice, and return the index of the
   best-scoring choice as a plain int.

Run `pytest katas/08_multiple_choice.py`; stuck? `autokata hint 08`.
"""

import torch  # noqa: F401  (for torch.no_grad)
from transformers import AutoModelForMultipleChoice  # noqa: F401  (you will need it)


def load_chooser(path):
    """Load the checkpoint with a multiple-choice head."""
    # TODO: load the model with the Auto class that scores each choice of a question.
    raise NotImplementedError


def choose(model, tokenizer, prompt: str, choices: list[str]) -> int:
    """The index of the choice the model scores highest as the prompt's continuation."""
    # TODO: pair the prompt with every choice, add a batch axis, and take the argmax over the choices.
    raise NotImplementedError
