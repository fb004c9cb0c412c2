"""Streaming: the text callback, streamer and generate() watch the streaming kata judges with.

`TextSink` is the `on_text` callback a check hands to learner code. Under a
`PacedWatch`, generate() is handed a `PacedStreamer` in place of the learner's
streamer, which waits for a reader running beside generate() to catch up: such
a reader is judged on what it does, not on how fast the tiny model is.
`piece_recorder` is a TextStreamer that hands each piece of text on. All of it
runs where the learner's code runs (the learner process under the two-process
judge) and brings back data only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from autokata.kit import checkpoints
from autokata.kit.generate_watches import GenerateWatch


class TextSink:
    """An `on_text` callback a check hands to learner code: it records each piece it is called
    with, and, when a `PacedWatch` watches the call, how many generate() calls had finished and
    how many generation steps had run when the piece arrived.

    It runs where the learner's code runs (in the learner process under the two-process judge),
    so it is sent there and its public records (data) come back after the call."""

    def __init__(self) -> None:
        self.pieces: list[Any] = []
        self.finished_before: list[int] = []
        self.steps_before: list[int] = []
        self.steps = 0
        self._changed = threading.Condition()
        self._watch: GenerateWatch | None = None

    def __getstate__(self) -> dict[str, Any]:
        return self.report()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._changed = threading.Condition()
        self._watch = None

    def report(self) -> dict[str, Any]:
        """What crosses back after a learner call: the records only."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __call__(self, text: str) -> None:
        with self._changed:
            self.pieces.append(text)
            self.finished_before.append(sum(self._watch.finished) if self._watch is not None else 0)
            self.steps_before.append(self.steps)
            self._changed.notify_all()

    def text_length(self) -> int:
        return sum(len(piece) for piece in self.pieces if isinstance(piece, str))

    def arrived_during_generation(self, watch: GenerateWatch) -> bool:
        """Did some piece arrive before every generate() call of the learner had finished?"""
        total = len(watch.finished)
        return any(piece and done < total for piece, done in zip(self.pieces, self.finished_before))


#: How long a generate() running beside a reader waits for that reader to pass a piece on.
PACE_SECONDS = 2.0


def piece_recorder(tokenizer: Any, on_piece: Callable[[str], None]) -> Any:
    """A TextStreamer(skip_prompt=True) that hands each non-empty piece to `on_piece`."""
    from transformers import TextStreamer

    class Recorder(TextStreamer):
        def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
            if text:
                on_piece(text)

    return Recorder(tokenizer, skip_prompt=True, skip_special_tokens=True)


class PacedStreamer:
    """What generate() is handed instead of the learner's streamer: it passes every token on, and
    when a reader in another thread may be passing the text to `on_text`, it waits (a bounded
    time) for that reader to catch up before the next step. So a reader that runs beside
    generate() is judged on what it does, not on how fast the tiny model is; a reader that only
    starts after generate() returned is not waited for (nothing could run beside it)."""

    def __init__(self, inner: Any, sink: TextSink, tokenizer: Any, caller: int, threads_before: int) -> None:
        self.inner, self.sink = inner, sink
        self.caller, self.threads_before = caller, threads_before
        self.available = 0
        self.pacing = True
        self.prompt_seen = False
        self.reference = piece_recorder(tokenizer, self._note)

    def _note(self, text: str) -> None:
        self.available += len(text)

    def _reader_may_run(self) -> bool:
        return threading.get_ident() != self.caller or threading.active_count() > self.threads_before

    def put(self, value: Any) -> None:
        self.inner.put(value)
        if self.prompt_seen:
            self.sink.steps += 1
        self.prompt_seen = True
        self.reference.put(value)
        if self.pacing and self._reader_may_run():
            with self.sink._changed:
                caught_up = self.sink._changed.wait_for(
                    lambda: self.sink.text_length() >= self.available, timeout=PACE_SECONDS
                )
            self.pacing = caught_up

    def end(self) -> None:
        self.inner.end()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class PacedWatch(GenerateWatch):
    """A generate() watch for streaming katas: a streamer the learner passes by keyword is handed
    to generate() inside a `PacedStreamer`, paced on the `TextSink` among the call's arguments,
    and the sink notes how many generate() calls had finished when each piece arrived. Everything
    happens where the learner's code runs, so the timing is the learner side's own."""

    def __init__(self, checkpoint: str) -> None:
        super().__init__()
        self.checkpoint = checkpoint

    def before(self, args: tuple, kwargs: dict) -> None:
        self._sink = next((a for a in (*args, *kwargs.values()) if isinstance(a, TextSink)), None)
        if self._sink is not None:
            self._sink._watch = self
        self._caller, self._threads_before = threading.get_ident(), threading.active_count()

    def wrap_streamer(self, streamer: Any) -> Any:
        sink = getattr(self, "_sink", None)
        if sink is None:
            return streamer
        return PacedStreamer(streamer, sink, checkpoints.tokenizer(self.checkpoint), self._caller, self._threads_before)
