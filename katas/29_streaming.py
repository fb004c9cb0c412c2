"""Kata 29 · Stream text as it is generated

A chat interface does not wait for the whole answer: words appear while the
model is still writing. `generate()` supports this through a *streamer*: pass
`streamer=...` and generate hands it each new token the moment it exists.

transformers ships two:
- `TextStreamer(tokenizer, skip_prompt=True)` decodes the tokens as they come
  and prints each finished piece of text. Subclass it and override
  `on_finalized_text(self, text, stream_end=False)` to send the pieces
  somewhere else instead of printing them.
- `TextIteratorStreamer(tokenizer, skip_prompt=True)` puts the pieces in a
  queue you iterate over; run `generate` in a `threading.Thread` and loop over
  the streamer in your own thread while it works.

Careful with the prompt: generate first hands the streamer the prompt's own
ids, and both streamers pass them on as text unless `skip_prompt=True`.

Your task:
`stream(model, tokenizer, prompt, n_tokens, on_text)`: continue `prompt`
greedily with exactly `n_tokens` new tokens, calling `on_text(piece)` with each
piece of new text as soon as it is ready, and return the whole new text (the
pieces joined; special tokens skipped). The prompt itself is never streamed.

Run `pytest katas/29_streaming.py`; stuck? `autokata hint 29`.
"""

from typing import Callable

from transformers import TextIteratorStreamer, TextStreamer  # noqa: F401  (you will need one)


def stream(model, tokenizer, prompt: str, n_tokens: int, on_text: Callable[[str], None]) -> str:
    """Generate greedily, handing each new piece of text to `on_text`; return the whole new text."""
    # TODO: build a streamer that forwards each finished piece to `on_text`,
    # pass it to `model.generate`, and return the pieces joined.
    raise NotImplementedError
