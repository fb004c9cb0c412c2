"""Kata 29 · Show the text while it is written

A chat interface does not wait for the whole answer: words appear on screen
while the model is still writing them. Decoding the finished output and cutting
it into pieces afterwards looks the same in a test, but the reader still waits
for everything.

Your task:
`stream(model, tokenizer, prompt, n_tokens, on_text)` continues `prompt`
greedily with exactly `n_tokens` new tokens and hands the new text to
`on_text` while it is being generated.
- `on_text(piece)` is called with each piece of new text (a `str`) as soon as
  that piece is ready, while the model's `generate()` is still running: at
  least some pieces must reach `on_text` before generation has finished, and
  the text is delivered in more than one piece.
- A piece is finished text, never half a character: the pieces, joined in
  order, are exactly what one decode of all the new tokens gives (decoding
  each token on its own loses spaces and splits characters). Text still
  pending when generation ends is delivered too, so nothing is missing at the
  end; the prompt itself is never handed to `on_text`.
- Returned: the whole new text (the pieces joined), special tokens left out,
  equal to the greedy continuation the check decodes itself.
- The check runs GPT-2, Llama, Qwen2 and Mistral checkpoints, with `n_tokens` from 3
  to 8, and notes when each piece arrives.

Run `pytest katas/29_streaming.py`. Stuck? `autokata hint 29`; the whole story: `autokata explain 29`.
"""

from typing import Callable


def stream(model, tokenizer, prompt: str, n_tokens: int, on_text: Callable[[str], None]) -> str:
    """Generate greedily, handing each new piece of text to `on_text`; return the whole new text."""
    # TODO: hand each finished piece of new text to `on_text` during generation.
    raise NotImplementedError
