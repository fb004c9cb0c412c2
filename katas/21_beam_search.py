"""Kata 21 · The k best continuations

Greedy decoding follows one candidate and takes the single most likely next
token at every step; a choice that looks best now can lead somewhere worse
later. Beam search keeps several candidate sequences ("beams") alive instead:
at every step it extends each of them and keeps the best-scoring ones, as many
as there are beams. When the budget is spent, the finished beams are ranked by
their scores, and the top few are often all worth showing.

Your task: `top_beams` (signature below) continues `prompt` with a beam search
that keeps the beam count it is given alive, and returns the `k` best finished
beams, best first.

The contract the checks hold you to:
- Exactly `k` texts (2 <= k <= the beam count), ranked best first. Searching
  with k beams is not the same search, and returning every beam is too many.
- Each text is only the continuation: exactly `max_new_tokens` new tokens,
  without the prompt and without special tokens, decoded to a string.
- No sampling: the texts must equal what the library's own beam search gives
  for the same prompt, beam count, k and budget.
- It works on every decoder-only model of the zoo (GPT-2, Llama, Qwen2,
  Mistral).

Run `pytest katas/21_beam_search.py`. Stuck? `autokata hint 21`; the whole story: `autokata explain 21`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def top_beams(model, tokenizer, prompt: str, num_beams: int, k: int, max_new_tokens: int) -> list[str]:
    """The k best beam-search continuations of `prompt`, best first, prompt left out."""
    # TODO: search with beams and return the k best continuations.
    raise NotImplementedError
