"""Kata 21 · The k best beams

Greedy decoding keeps one candidate and, at every step, takes the single most
likely next token. A choice that looks best now can lead nowhere good later.
Beam search keeps `num_beams` candidates ("beams") alive instead: at each step
it extends every beam and keeps the `num_beams` best-scoring sequences. When
the budget runs out, generate() hands back the best beam, or the best few if
you ask for them with `num_return_sequences`. You can never get back more
sequences than there are beams, and they arrive best first.

For a decoder-only model every row generate() returns starts with the prompt
tokens, then the new ones.

Your task: `top_beams(model, tokenizer, prompt, num_beams, k, max_new_tokens)`
runs beam search with `num_beams` beams and exactly `max_new_tokens` new
tokens, and returns the `k` best continuations (`k <= num_beams`), best first.
Each one is only the new text, decoded with `skip_special_tokens=True`. The
prompt is not part of it.

Run `pytest katas/21_beam_search.py`; stuck? `autokata hint 21`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def top_beams(model, tokenizer, prompt: str, num_beams: int, k: int, max_new_tokens: int) -> list[str]:
    """The k best beam-search continuations of `prompt`, best first, prompt left out."""
    # TODO: tokenize the prompt, call model.generate with beams and k return sequences,
    #       cut the prompt off every row and decode what is left.
    raise NotImplementedError
