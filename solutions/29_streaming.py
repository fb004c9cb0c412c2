"""Kata 29 · Stream text as it is generated (reference solution)."""

from typing import Callable

from transformers import TextStreamer


class _Forwarder(TextStreamer):
    """A TextStreamer that hands each finished piece to a callback instead of printing it."""

    def __init__(self, tokenizer, on_text: Callable[[str], None]):
        super().__init__(tokenizer, skip_prompt=True, skip_special_tokens=True)
        self.on_text = on_text
        self.pieces: list[str] = []

    def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
        if text:
            self.pieces.append(text)
            self.on_text(text)


def stream(model, tokenizer, prompt: str, n_tokens: int, on_text: Callable[[str], None]) -> str:
    """Generate greedily, handing each new piece of text to `on_text`; return the whole new text."""
    streamer = _Forwarder(tokenizer, on_text)
    inputs = tokenizer(prompt, return_tensors="pt")
    model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False, streamer=streamer)
    return "".join(streamer.pieces)
