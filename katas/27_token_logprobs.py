"""Kata 27 · Log-probabilities of generated tokens

How sure was the model of each word it wrote? The answer is the
log-probability of every generated token: log p(token | everything before it).
It tells confident text from guesswork, and summed it scores a whole
continuation.

`generate()` normally hands back only token ids. Ask it for more with
`return_dict_in_generate=True, output_scores=True`: the result then carries
`sequences` and `scores`, one `[batch, vocab]` tensor per new token. Careful:
those scores are logits (as left by any logits processor), not probabilities.
A logit becomes a log-probability only through a log-softmax over the whole
vocabulary. `model.compute_transition_scores(sequences, scores,
normalize_logits=True)` does exactly that and picks, at each step, the entry of
the token that was chosen.

(Without those helpers: one forward pass over prompt + new tokens gives logits
at every position, and the logits at position i predict the token at i + 1.)

Your task:
`continuation_logprobs(model, tokenizer, prompt, n_tokens)`: continue `prompt`
greedily with exactly `n_tokens` new tokens and return a list of `n_tokens`
floats, the log-probability of each new token in order.

Run `pytest katas/27_token_logprobs.py`; stuck? `autokata hint 27`.
"""


def continuation_logprobs(model, tokenizer, prompt: str, n_tokens: int) -> list[float]:
    """The log-probability of each greedily generated token, one float per new token."""
    # TODO: generate with the scores returned, turn them into log-probabilities of the
    # chosen tokens, and return them as a list of Python floats.
    raise NotImplementedError
