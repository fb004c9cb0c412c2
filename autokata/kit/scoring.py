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

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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


@dataclass
class GenerateCall:
    """One generate() call seen by the watch."""

    streamer: Any = None
    processors: list[Any] = field(default_factory=list)
    sequences: list[list[int]] | None = None
    finished: bool = False


@dataclass
class GenerateWatch:
    """Every generate() call made inside `watch_generate()`, in order."""

    calls: list[GenerateCall] = field(default_factory=list)
    #: The resolved GenerationConfig of every call (see `generation.generation_requests`).
    configs: list[Any] = field(default_factory=list)
    #: When set, generate() is handed `wrap_streamer(streamer)` in place of a streamer passed by
    #: keyword (the call still records the learner's own); kata 29 paces generation with it.
    wrap_streamer: Callable[[Any], Any] | None = None

    def processors(self, kind: type | None = None) -> list[Any]:
        """The logits processors generate() built (from kwargs, a GenerationConfig,
        `model.generation_config` or an explicit `logits_processor=` list)."""
        return [p for call in self.calls for p in call.processors if kind is None or isinstance(p, kind)]

    @property
    def finished(self) -> int:
        return sum(call.finished for call in self.calls)

    def used_a_streamer(self) -> bool:
        return any(call.streamer is not None for call in self.calls)

    def sampled(self) -> bool:
        return any(getattr(config, "do_sample", False) for config in self.configs)


@contextmanager
def watch_generate() -> Iterator[GenerateWatch]:
    """Record every generate() call in the block: its streamer, the logits processors it ran
    and the sequences it returned. Wraps the methods at class level, so calls made through a
    pipeline or from another thread are seen too."""
    from transformers.generation.utils import GenerationMixin

    watch = GenerateWatch()
    original_generate = GenerationMixin.generate
    original_processors = GenerationMixin._get_logits_processor
    signature = inspect.signature(original_generate)

    def generate_spy(self, *args, **kwargs):
        bound = signature.bind_partial(self, *args, **kwargs).arguments
        call = GenerateCall(streamer=bound.get("streamer"))
        watch.calls.append(call)
        if watch.wrap_streamer is not None and kwargs.get("streamer") is not None:
            kwargs = {**kwargs, "streamer": watch.wrap_streamer(kwargs["streamer"])}
        try:
            out = original_generate(self, *args, **kwargs)
        finally:
            call.finished = True
        sequences = getattr(out, "sequences", out)
        if hasattr(sequences, "tolist"):
            call.sequences = sequences.tolist()
        return out

    def processors_spy(self, *args, **kwargs):
        processors = original_processors(self, *args, **kwargs)
        if watch.calls:
            watch.calls[-1].processors.extend(processors)
        return processors

    GenerationMixin.generate = generate_spy
    GenerationMixin._get_logits_processor = processors_spy
    try:
        with generation.generation_requests() as configs:
            watch.configs = configs
            yield watch
    finally:
        GenerationMixin.generate = original_generate
        GenerationMixin._get_logits_processor = original_processors


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
