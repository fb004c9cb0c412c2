"""Shared ground for the generate() katas 26-29: the decoder a learner is handed,
reference greedy continuations, and a watch on every generate() call.

Tiny random decoders like byte-level pieces that print as '�' on their own and
change when the next byte arrives, so a continuation's text would depend on
where it is cut. The decoder these katas use therefore never prefers a token
that does not decode to printable text (its output row is zeroed, as the zoo
already does for special tokens): streamed pieces then join to the full decode,
and different continuations read differently.

Learners get a private copy of that decoder and a freshly loaded tokenizer, so
whatever they set (`generation_config`, a pad token) never reaches the
references, which run on a pristine twin with the same weights.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from autokata.kit import decoding, generation
from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.outcomes import fail


#: The readable decoder and the private copies come from `decoding`, shared with katas 21-25.
decoder = decoding.reference_model
decoder_for_learner = decoding.model_for_learner
tokenizer_for_learner = decoding.tokenizer_for_learner


@dataclass(frozen=True)
class Continuation:
    """A reference greedy continuation: the prompt's ids, the new ids, and their text."""

    prompt_ids: tuple[int, ...]
    new_ids: tuple[int, ...]
    text: str
    prompt_text: str
    with_prompt: str

    def matches(self, got: str) -> bool:
        """Is `got` this continuation's text? Two decodings are right: the new ids alone, or
        the whole sequence with the prompt's text cut off (what a text-generation pipeline
        returns); surrounding whitespace aside."""
        pipeline_style = self.with_prompt[len(self.prompt_text):]
        return got.strip() in {self.text.strip(), pipeline_style.strip()}

    def echoes_prompt(self, got: str) -> bool:
        """Does `got` carry the prompt's text in front of the continuation?"""
        start = self.prompt_text.strip()
        return bool(start) and got.strip().startswith(start) and not self.text.strip().startswith(start)


@cache
def continuation(name: str, prompt: str, n_tokens: int, **settings: Any) -> Continuation:
    """Greedy decode of `n_tokens` new tokens on the readable decoder (cached per drawn example)."""
    tokenizer = m.tokenizer(name)
    prompt_ids = tuple(tokenizer(prompt)["input_ids"])
    new_ids = tuple(
        generation.reference_generate(
            decoder(name), tokenizer, prompt, max_new_tokens=n_tokens, do_sample=False, **settings
        )[0]
    )
    return Continuation(
        prompt_ids=prompt_ids,
        new_ids=new_ids,
        text=tokenizer.decode(list(new_ids), skip_special_tokens=True),
        prompt_text=tokenizer.decode(list(prompt_ids), skip_special_tokens=True),
        with_prompt=tokenizer.decode(list(prompt_ids + new_ids), skip_special_tokens=True),
    )


expect_text = returns.expect_text


PROMPT_ECHO_LESSON = (
    "Your text starts with the prompt: a decoder-only model's generate() returns the prompt's ids "
    "followed by the new ones. Keep only the ids after the prompt before decoding."
)


def reject_prompt_echo(reference: Continuation, got: str, name: str, **shown: Any) -> None:
    """Fail with the prompt lesson when `got` is the continuation with the prompt in front."""
    if reference.echoes_prompt(got):
        fail(PROMPT_ECHO_LESSON, on=name, **shown, expected=reference.text, got=got)


class GenerateWatch(generation.GenerateSpy):
    """Every generate() call made by learner code inside `with watch_generate() as watch:`, as data
    recorded where that code runs (see `generation.GenerateSpy`): per call its streamer's class
    names (`streamers`), the logits processors it built (`processors_of()`), the sequences it
    returned (`sequences`) and whether it finished (`finished`); `requests` holds the resolved
    settings of every call."""


def watch_generate() -> GenerateWatch:
    """A generate() watch, to use as `with watch_generate() as watch: attempt.f(...)`. It wraps the
    methods at class level where the learner's code runs, so calls made through a pipeline or from
    another thread are seen too."""
    return GenerateWatch()


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
        return PacedStreamer(streamer, sink, m.tokenizer(self.checkpoint), self._caller, self._threads_before)


NO_GENERATE_LESSON = (
    "`{function}` never called `model.generate()`: this kata is about what you hand to generate(), "
    "so let it run the decoding loop."
)


SAMPLING_LESSON = (
    "You sampled (`do_sample=True`): every step then draws a random token, so the continuation changes "
    "from run to run. This kata wants the greedy continuation, the most likely token at each step."
)


def reject_sampling(watch: GenerateWatch, name: str, **shown: Any) -> None:
    if watch.sampled():
        fail(SAMPLING_LESSON, on=name, **shown)


def expect_generate_called(watch: GenerateWatch, function: str, name: str, **shown: Any) -> None:
    if not watch.calls:
        fail(NO_GENERATE_LESSON.format(function=function), on=name, **shown)
