"""Watches built on the generate() spy, and the lessons on what generate() was asked.

Each watch runs learner code with a `generate_spy.GenerateSpy` active (where
that code runs) and keeps what it recorded, as data: `generating` returns a
`Generation` (a crash kept for diagnosis); `watch` returns a `Watched` (the
value, or the crash re-raised after `on_crash` had its say; `SeededFirst` seeds
torch right before the call); `watch_generate` gives a `GenerateWatch` to use
as a context manager. The expectations then read the records: generate() never
called, sampling where a search or the greedy continuation was asked, another
count of new tokens than the kata's (`samples` and `new_token_budget` read one
call's resolved settings).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from autokata.kit import generate_spy
from autokata.kit.instruments import Instrument
from autokata.kit.outcomes import CallOutcome, LearnerCrash, fail


@dataclass
class Generation(CallOutcome):
    """One call of learner code that generates: what it returned or raised (`value`, `crash`,
    `result()`), and the resolved settings of every generate() call it made."""

    requests: list[Any] = field(default_factory=list)

    def any_request(self, predicate: Callable[[Any], bool]) -> Any | None:
        """The first generate() settings that match `predicate`, if any."""
        return next((config for config in self.requests if predicate(config)), None)


def generating(call: Callable[[], Any]) -> Generation:
    """Run learner code under the generate() spy (where that code runs), keeping a crash for diagnosis."""
    run = Generation()
    with generate_spy.GenerateSpy() as spy:
        run.take(call)
    run.requests = list(spy.requests)
    return run


def samples(config: Any) -> bool:
    """Did these generate() settings sample (random) rather than search (deterministic)?"""
    return bool(config.do_sample)


def new_token_budget(config: Any, start_length: int) -> int:
    """How many new tokens a resolved GenerationConfig allows when generation
    starts from `start_length` tokens (the prompt for a decoder-only model,
    the decoder start token for an encoder-decoder)."""
    if config.max_new_tokens is not None:
        return config.max_new_tokens
    return config.max_length - start_length


class Watched(generate_spy.GenerateSpy):
    """What happened inside one learner call: the value (`result`), and everything the
    generate() spy recorded where the learner's code ran (see `generate_spy.GenerateSpy`):
    the resolved settings of every generate() call (`requests`; for a call that raised
    before resolving them, the settings it was given), how many new tokens each finished
    call produced (`new_tokens`) and, per call in call order, what it was handed (`given`,
    `prompts`, `masks`) and the state of torch's global random generator as it began
    (`rng_states`): a lesson can then be decided from what was called, never from a
    coincidence in the output."""

    result: Any = None


class SeededFirst(Instrument):
    """Seeds torch's global generator where the learner's code runs, right before the call
    (a decoy state: a learner that forgets to seed then shows it)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def install(self) -> None:
        pass

    def uninstall(self) -> None:
        pass

    def before(self, args: tuple, kwargs: dict) -> None:
        import torch

        torch.manual_seed(self.seed)


def watch(
    call: Callable[[], Any], on_crash: Callable[[Watched], None] | None = None, seed_first: int | None = None
) -> Watched:
    """Run a learner call, watching its generate() calls (where the learner's code runs).

    If the call crashes, `on_crash` may turn what generate() was asked for
    into a lesson (greedy search with several return sequences raises inside
    generate, for instance); otherwise the crash is reported as it is.
    `seed_first`: seed torch's global generator with it right before the call.
    """
    watched = Watched()
    seeded = SeededFirst(seed_first) if seed_first is not None else contextlib.nullcontext()
    with seeded, watched:
        try:
            watched.result = call()
        except LearnerCrash:
            if on_crash is not None:
                on_crash(watched)
            raise
    return watched


class GenerateWatch(generate_spy.GenerateSpy):
    """Every generate() call made by learner code inside `with watch_generate() as watch:`, as data
    recorded where that code runs (see `generate_spy.GenerateSpy`): per call its streamer's class
    names (`streamers`), the logits processors it built (`processors_of()`), the sequences it
    returned (`sequences`) and whether it finished (`finished`); `requests` holds the resolved
    settings of every call."""


def watch_generate() -> GenerateWatch:
    """A generate() watch, to use as `with watch_generate() as watch: attempt.f(...)`. It wraps the
    methods at class level where the learner's code runs, so calls made through a pipeline or from
    another thread are seen too."""
    return GenerateWatch()


NO_GENERATE_LESSON = (
    "`{function}` never called `model.generate()`: this kata is about what you hand to generate(), "
    "so let it run the decoding loop."
)


def expect_generate_called(watch: generate_spy.GenerateSpy, function: str, name: str, **shown: Any) -> None:
    """Learner code must have called generate() (seen by any of the watches above)."""
    if not watch.calls:
        fail(NO_GENERATE_LESSON.format(function=function), on=name, **shown)


#: Sampling where the kata asks for the greedy continuation.
SAMPLING_LESSON = (
    "You sampled (`do_sample=True`): every step then draws a random token, so the continuation changes "
    "from run to run. This kata wants the greedy continuation, the most likely token at each step."
)


#: Sampling where the kata asks for a deterministic search (greedy or beam).
SEARCH_SAMPLING_LESSON = (
    "generate() sampled (do_sample=True), so its output is random and cannot match a deterministic search. "
    "Leave sampling off with `do_sample=False` (the text-generation pipeline turns it on by default)."
)


def reject_sampling(
    watch: generate_spy.GenerateSpy, name: str, lesson: str = SAMPLING_LESSON, **shown: Any
) -> None:
    """No generate() call may have sampled; `lesson` says what the kata wanted instead."""
    if watch.sampled():
        fail(lesson, on=name, **shown)


def expect_no_sampling(watched: Watched, name: str, **drawn: Any) -> None:
    """`reject_sampling` where the kata asks for a search: sampled output cannot match it."""
    reject_sampling(watched, name, SEARCH_SAMPLING_LESSON, **drawn)


BUDGET_LESSON = (
    "generate() did not make the kata's number of new tokens. `max_new_tokens` counts only the tokens "
    "generate() adds; `max_length` counts the prompt too."
)


def expect_budget(watched: Watched, budget: int, name: str, **drawn: Any) -> None:
    """Every generate() call must add exactly `budget` tokens (zoo decoders never stop early).

    The count is what generate() produced, so `max_length=prompt_length + budget` passes too.
    """
    for made in watched.new_tokens:
        if made != budget:
            fail(BUDGET_LESSON, on=name, **drawn, new_tokens_generate_made=made)
