"""Kata 22 · Sampling you can reproduce

Greedy and beam search give the same text every time. Sampling draws each next
token at random from the model's distribution instead: varied text, and a
different text on every run, unless you control where the randomness comes
from. A demo, a test or a bug report needs the same samples again tomorrow.

The three arguments after `n` shape the distribution each token is drawn from,
with the meaning generate() gives the settings of the same names: keep only
the k most likely tokens; keep the smallest set of most likely tokens whose
probabilities add up to p; divide the scores by a factor before the softmax
(below 1 sharpens the distribution, above 1 flattens it).

Your task: `sample` (signature below) returns `n` sampled continuations of
`prompt`, each of `max_new_tokens` new tokens, drawn with exactly those three
values.

The contract the checks hold you to:
- The samples are exactly the ones the library's sampling gives when torch's
  global random generator is seeded with `seed` immediately before a single
  generate() call that draws all `n` of them, in the order that call returns
  them. The checks put torch's generator in some other state before calling
  you, and they count your generate() calls: one, for all n samples.
- Same seed, same texts; another seed gives other texts wherever the model's
  distribution leaves room for them.
- Each text is only the continuation: new tokens, without the prompt and
  without special tokens, decoded to a string.
- It works on every decoder-only model of the zoo (GPT-2, Llama, Qwen2,
  Mistral).

Run `pytest katas/22_seeded_sampling.py`. Stuck? `autokata hint 22`; the whole story: `autokata explain 22`.
"""


def sample(
    model, tokenizer, prompt: str, seed: int, n: int, top_k: int, top_p: float, temperature: float,
    max_new_tokens: int,
) -> list[str]:
    """`n` reproducible samples continuing `prompt`: same seed, same texts."""
    # TODO: make the n samples random, yet the same for the same seed.
    raise NotImplementedError
