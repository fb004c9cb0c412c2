"""Kata 24 · Generate for a batch: pad on the left

Prompts of different lengths can be generated together in one batch: the
tokenizer pads the short ones to the length of the longest, and the attention
mask (1 = real token, 0 = padding) tells the model which positions to ignore.

Two details matter for a decoder-only model:

- It continues each row from the row's *last* position. With padding on the
  right, a short prompt's last positions are padding, so its continuation
  would start from pad tokens. Pad on the left instead (`padding_side`), so
  every row ends with its real last token.
- Many decoder tokenizers (GPT-2's, Llama's) have no pad token at all, and
  then cannot pad. Reusing the end-of-text token as the pad token is the
  usual fix: the attention mask hides it anyway.

Pass the attention mask to generate() along with the ids, or the model reads
the padding as if it were part of the prompt.

Your task: `continue_batch(model, tokenizer, prompts, n_tokens)` continues
every prompt greedily with exactly `n_tokens` new tokens and returns one text
per prompt, in order: the new tokens only, decoded with
`skip_special_tokens=True`. Each text must be exactly what that prompt gives
when generated on its own.

Run `pytest katas/24_batched_generation.py`; stuck? `autokata hint 24`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def continue_batch(model, tokenizer, prompts: list[str], n_tokens: int) -> list[str]:
    """Greedy continuations of several prompts, each equal to its continuation alone."""
    # TODO: give the tokenizer a pad token if it lacks one, pad on the left, generate with the
    #       attention mask, and decode what comes after the (padded) prompts.
    raise NotImplementedError
