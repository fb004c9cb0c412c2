"""Kata 23 · Stop at a token

A continuation often has a natural end long before the budget runs out: a
newline, a closing tag, a chat model's end-of-turn marker. Letting the model
run on past it wastes time (on a real model, most of your waiting), so the
generation itself should end there.

Your task: `generate_until` (signature below) continues `prompt` greedily and
returns the new text, ending at `stop_token` when the model produces it.

The contract the checks hold you to:
- `stop_token` is one token of the vocabulary, written the way the vocabulary
  writes it ('▁the' on Llama, 'Ġthe' on GPT-2), not a text to encode: encoding
  it as text can split it, change it or put a start-of-text token in front.
  It can be any ordinary token, including one in the middle of a sentence.
- When the model produces the stop token, the text ends with it: the stop
  token is the last thing returned, nothing after it. Generation must end
  right there; producing tokens past the stop and cutting the text afterwards
  fails (the checks count the tokens generated).
- Only new tokens count: a stop token that already occurs in the prompt
  stops nothing.
- When the model never produces it, the text is the whole greedy
  continuation of `max_new_tokens` new tokens.
- The text holds only new tokens, without the prompt and without special
  tokens. No sampling.
- It works on every decoder-only model of the zoo (GPT-2, Llama, Qwen2,
  Mistral).

Run `pytest katas/23_stop_token.py`. Stuck? `autokata hint 23`; the whole story: `autokata explain 23`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def generate_until(model, tokenizer, prompt: str, stop_token: str, max_new_tokens: int) -> str:
    """Greedy continuation of `prompt` that stops right after `stop_token` (or at the budget)."""
    # TODO: let generation itself end at the stop token.
    raise NotImplementedError
