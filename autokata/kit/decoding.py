"""Shared ground for the generate() katas 21-25: the decoder a learner is handed,
reference continuations as text, and a watch on what generate() was asked and did.

Tiny random decoders like byte-level pieces that print as '�' on their own, so
two different continuations could decode to the same string and a wrong answer
would slip through. `model_for_learner` therefore zeroes the output rows of
every token that does not decode to printable text, as the zoo already does
for special tokens: greedy and beam search then pick only readable tokens.

Learners get a private copy of that model and a freshly loaded tokenizer, so
whatever they set (a pad token, the padding side, `generation_config`) never
reaches the references, which run on a pristine twin with the same weights.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from autokata.kit import generation
from autokata.kit import handover
from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.instruments import Instrument
from autokata.kit.outcomes import LearnerCrash, fail


def unreadable(text: str) -> bool:
    """Text a decoded token should not be: '�' pieces, control characters, blanks."""
    return "\ufffd" in text or not text.isprintable() or not text.strip()


@cache
def _pristine(name: str) -> Any:
    """The zoo decoder with unreadable tokens never preferred (checks only; never handed out)."""
    import torch

    model = copy.deepcopy(m.reference("AutoModelForCausalLM", name))
    tokenizer = m.tokenizer(name)
    hidden = [i for i in range(len(tokenizer)) if unreadable(tokenizer.decode([i]))]
    with torch.no_grad():
        model.get_output_embeddings().weight[hidden] = 0.0
    return model.eval()


def reference_model(name: str) -> Any:
    """The pristine readable decoder references run on (never hand it to learner code)."""
    return _pristine(name)


def model_for_learner(name: str) -> Any:
    """A private copy of the readable decoder: the learner may change it freely."""
    return handover.give(copy.deepcopy(_pristine(name)))


tokenizer_for_learner = m.private_tokenizer


def reference_ids(name: str, prompt: str, **settings: Any) -> list[list[int]]:
    """New token ids the check generates itself for one prompt, on the pristine decoder."""
    return generation.reference_generate(reference_model(name), m.tokenizer(name), prompt, **settings)


def as_texts(name: str, rows: list[list[int]]) -> list[str]:
    """Decode rows of new ids as the katas ask: special tokens dropped."""
    return m.tokenizer(name).batch_decode(rows, skip_special_tokens=True)


def reference_texts(name: str, prompt: str, **settings: Any) -> list[str]:
    return as_texts(name, reference_ids(name, prompt, **settings))


def same_text(got: str, expected: str) -> bool:
    """Equal up to surrounding whitespace (`.strip()` on a decode is a harmless habit)."""
    return got.strip() == expected.strip()


def same_texts(got: list[str], expected: list[str]) -> bool:
    return len(got) == len(expected) and all(same_text(g, e) for g, e in zip(got, expected))


expect_text = returns.expect_text


def expect_texts(value: Any, count: int, function: str, name: str, **shown: Any) -> list[str]:
    """A list of `count` strings, or a lesson saying what came back instead."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        fail(
            f"`{function}` should return a list of strings, one decoded text per sequence.",
            on=name, **shown, got=f"{type(value).__name__}: {value!r}",
        )
    if len(value) != count:
        fail(
            f"`{function}` should return exactly {count} text(s) here.",
            on=name, **shown, expected_count=count, got_count=len(value), got=list(value),
        )
    return list(value)


class Watched(generation.GenerateSpy):
    """What happened inside one learner call: the value (`result`), and everything the
    generate() spy recorded where the learner's code ran (see `generation.GenerateSpy`):
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


NO_GENERATE_LESSON = (
    "`{function}` never called `model.generate()`: this kata is about the settings you hand to "
    "generate(), so let it do the decoding."
)


def expect_generate_called(watched: Watched, function: str, name: str) -> None:
    if not watched.requests:
        fail(NO_GENERATE_LESSON.format(function=function), on=name)


SAMPLING_LESSON = (
    "generate() sampled (do_sample=True), so its output is random and cannot match a deterministic search. "
    "Leave sampling off with `do_sample=False` (the text-generation pipeline turns it on by default)."
)


def expect_no_sampling(watched: Watched, name: str, **drawn: Any) -> None:
    if any(watched.asked("do_sample")):
        fail(SAMPLING_LESSON, on=name, **drawn)


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
