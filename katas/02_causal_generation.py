"""Kata 02 · Continue a text with AutoModelForCausalLM

A causal language model (GPT-2, Llama, Qwen2...) reads from left to right and
scores which token comes next. `AutoModelForCausalLM` loads a checkpoint
together with its language-model head, the layer that turns the last position's
vector into one score per vocabulary token. `model.generate()` then loops:
pick a token, append it, score again.

Greedy decoding picks the highest-scoring token at every step (no sampling, a
single beam), so a prompt always gets the same continuation. Say how many tokens
to add with `max_new_tokens`: `max_length` counts the prompt's tokens too.

For a decoder-only model, `generate()` returns the prompt's ids followed by the
new ones. The caller here wants the continuation only.

Your tasks:
1. `load_generator(path)`: load the checkpoint at `path` (a local folder) with
   its language-model head. It must work for GPT-2, Llama and Qwen2 alike.
2. `continue_text(model, tokenizer, prompt, n_tokens)`: greedily add exactly
   `n_tokens` new tokens to `prompt` and return only the new text: the new ids
   decoded with `skip_special_tokens=True`. (A real model may stop early at its
   end-of-text token; the tiny models here never do.)

Run `pytest katas/02_causal_generation.py`; stuck? `autokata hint 02`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModelForCausalLM  # noqa: F401  (you will need it)


def load_generator(path):
    """Load the checkpoint at `path` with the head that predicts the next token."""
    # TODO: load the model from `path` with the Auto class made for left-to-right generation.
    raise NotImplementedError


def continue_text(model, tokenizer, prompt: str, n_tokens: int) -> str:
    """The greedy continuation of `prompt`, `n_tokens` tokens long, without the prompt."""
    # TODO: tokenize the prompt, call model.generate(...), keep only the new ids and decode them.
    raise NotImplementedError
