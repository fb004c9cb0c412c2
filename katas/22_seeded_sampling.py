"""Kata 22 · Sampling you can reproduce

Greedy and beam search always give the same text. Sampling does not: with
`do_sample=True`, generate() draws each next token at random from the model's
distribution, shaped by three knobs:

- `temperature` divides the scores before the softmax: below 1 sharpens the
  distribution, above 1 flattens it;
- `top_k` keeps only the k most likely tokens;
- `top_p` keeps the smallest set of top tokens whose probabilities add up to p
  ("nucleus" sampling).

Without `do_sample=True` these knobs do nothing. A misspelled knob is a trap
too: a `GenerationConfig` stores names it does not know without complaint,
and generate() then samples with its defaults.

Random draws come from torch's global random generator, so seeding it with
`torch.manual_seed(seed)` right before generate() makes the samples
reproducible. Ask for several samples in that one call with
`num_return_sequences`.

Your task: `sample(model, tokenizer, prompt, seed, n, top_k, top_p,
temperature, max_new_tokens)` seeds torch with `seed`, then makes one
generate() call that samples `n` continuations of `max_new_tokens` new tokens
with the given knobs, and returns them as texts: new tokens only, decoded with
`skip_special_tokens=True`, in the order generate() returns them.

Run `pytest katas/22_seeded_sampling.py`; stuck? `autokata hint 22`.
"""

import torch  # noqa: F401  (you will need torch.manual_seed)


def sample(
    model, tokenizer, prompt: str, seed: int, n: int, top_k: int, top_p: float, temperature: float,
    max_new_tokens: int,
) -> list[str]:
    """`n` reproducible samples continuing `prompt`: same seed, same texts."""
    # TODO: seed torch, then one model.generate call with sampling switched on, the three
    #       knobs, n return sequences and the budget; decode only the new tokens.
    raise NotImplementedError
