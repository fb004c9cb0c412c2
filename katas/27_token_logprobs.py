"""Kata 27 · How sure was the model of each token?

A generated text reads the same whether the model was certain of every word or
guessed its way through. The number that tells them apart is the
log-probability of each generated token: log p(token | prompt and every token
before it). Close to 0 means confident, very negative means a guess; summed,
they score a whole continuation.

Your task:
`continuation_logprobs(model, tokenizer, prompt, n_tokens)` continues `prompt`
greedily with exactly `n_tokens` new tokens and returns how likely the model
found each of them.
- Returned: a plain Python `list` of `n_tokens` floats, one per new token, in
  order (nothing for the prompt's own tokens, no tensors).
- Each value is the natural logarithm of the probability the model gave that
  token, in the distribution over its whole vocabulary at that step, given
  the prompt and the new tokens before it. So every value is <= 0, and
  exp(value) is a probability, not a raw score.
- That distribution is the model's own: nothing may mask, sharpen or otherwise
  reshape the scores before they become probabilities.
- Values must match the check's own forward pass to about 1e-4. The check runs
  GPT-2, Llama, Qwen2 and Mistral checkpoints, with `n_tokens` from 2 to 8.

Run `pytest katas/27_token_logprobs.py`. Stuck? `autokata hint 27`; the whole story: `autokata explain 27`.
"""


def continuation_logprobs(model, tokenizer, prompt: str, n_tokens: int) -> list[float]:
    """The log-probability of each greedily generated token, one float per new token."""
    # TODO: continue greedily, then score each chosen token's log-probability.
    raise NotImplementedError
