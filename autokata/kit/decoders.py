"""Decoders the checks generate with, and what they generate to compare with a learner's answer.

`reference_generate` runs generate() on any model for one prompt (new ids
only). The generate() katas 21-29 use a *readable* decoder: tiny random
decoders like byte-level pieces that print as '�' on their own and change when
the next byte arrives, so two different continuations could decode to the same
string and a continuation's text would depend on where it is cut. The readable
decoder therefore never prefers a token that does not decode to printable text
(its output row is zeroed, as the zoo already does for special tokens): greedy
and beam search then pick readable tokens only, and streamed pieces join to
the full decode.

Learners get a private copy of it (`model_for_learner`) and a tokenizer of their
own (`checkpoints.private_tokenizer`), so whatever they set (a pad token, the
padding side, `generation_config`) never reaches the references, which run on
a pristine twin with the same weights (`reference_model`). References come as
ids, texts or a `Continuation`; `same_text(s)` and `reject_prompt_echo` compare
them with the learner's text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from autokata.kit import checkpoints
from autokata.kit.outcomes import fail


def new_token_ids(model: Any, prompt_ids: Any, output_ids: Any) -> Any:
    """The generated part of `generate()`'s output (decoder-only: after the prompt;
    encoder-decoder: after the decoder start token)."""
    if model.config.is_encoder_decoder:
        return output_ids[:, 1:]
    return output_ids[:, prompt_ids.shape[1]:]


def reference_generate(model: Any, tokenizer: Any, prompt: str, **settings: Any) -> list[list[int]]:
    """Token ids the check itself generates for one prompt (new tokens only, specials kept)."""
    import torch

    batch = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, pad_token_id=_pad_id(model, tokenizer), **settings)
    return new_token_ids(model, batch["input_ids"], out).tolist()


def _pad_id(model: Any, tokenizer: Any) -> int:
    if tokenizer.pad_token_id is not None:
        return tokenizer.pad_token_id
    return model.generation_config.eos_token_id if model.generation_config.eos_token_id is not None else 0


def decode(tokenizer: Any, ids: Any, skip_special_tokens: bool = True) -> str:
    """Token ids as text, special tokens dropped unless asked."""
    return tokenizer.decode(list(ids), skip_special_tokens=skip_special_tokens)


def unreadable(text: str) -> bool:
    """Text a decoded token should not be: '�' pieces, control characters, blanks."""
    return "\ufffd" in text or not text.isprintable() or not text.strip()


@cache
def _pristine(name: str) -> Any:
    """The zoo decoder with unreadable tokens never preferred (checks only; never handed out)."""
    import torch

    model = copy.deepcopy(checkpoints.reference("AutoModelForCausalLM", name))
    tokenizer = checkpoints.tokenizer(name)
    hidden = [i for i in range(len(tokenizer)) if unreadable(tokenizer.decode([i]))]
    with torch.no_grad():
        model.get_output_embeddings().weight[hidden] = 0.0
    return model.eval()


def reference_model(name: str) -> Any:
    """The pristine readable decoder references run on (never hand it to learner code)."""
    return _pristine(name)


def model_for_learner(name: str) -> Any:
    """A private copy of the readable decoder: the learner may change it freely."""
    return checkpoints.for_learner(_pristine(name))


def reference_ids(name: str, prompt: str, **settings: Any) -> list[list[int]]:
    """New token ids the check generates itself for one prompt, on the pristine decoder.

    A search without sampling gives the same ids every time, so those are kept (several checks
    meet the same prompts, and watch's warm-up leaves them to every later check); a sampled
    decode depends on the generator's state and is run anew."""
    sampled = settings.get("do_sample", reference_model(name).generation_config.do_sample)
    key = tuple(sorted(settings.items()))
    if sampled or not all(value is None or type(value) in (bool, int, float, str) for _, value in key):
        return reference_generate(reference_model(name), checkpoints.tokenizer(name), prompt, **settings)
    return [list(row) for row in _searched_ids(name, prompt, key)]


@lru_cache(maxsize=1024)
def _searched_ids(name: str, prompt: str, settings: tuple[tuple[str, Any], ...]) -> tuple[tuple[int, ...], ...]:
    ids = reference_generate(reference_model(name), checkpoints.tokenizer(name), prompt, **dict(settings))
    return tuple(tuple(row) for row in ids)


def as_texts(name: str, rows: list[list[int]]) -> list[str]:
    """Decode rows of new ids as the katas ask: special tokens dropped."""
    return checkpoints.tokenizer(name).batch_decode(rows, skip_special_tokens=True)


def reference_texts(name: str, prompt: str, **settings: Any) -> list[str]:
    return as_texts(name, reference_ids(name, prompt, **settings))


def same_text(got: str, expected: str) -> bool:
    """Equal up to surrounding whitespace (`.strip()` on a decode is a harmless habit)."""
    return got.strip() == expected.strip()


def same_texts(got: list[str], expected: list[str]) -> bool:
    return len(got) == len(expected) and all(same_text(g, e) for g, e in zip(got, expected))


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
    tokenizer = checkpoints.tokenizer(name)
    prompt_ids = tuple(tokenizer(prompt)["input_ids"])
    new_ids = tuple(
        reference_generate(
            reference_model(name), tokenizer, prompt, max_new_tokens=n_tokens, do_sample=False, **settings
        )[0]
    )
    return Continuation(
        prompt_ids=prompt_ids,
        new_ids=new_ids,
        text=decode(tokenizer, new_ids),
        prompt_text=decode(tokenizer, prompt_ids),
        with_prompt=decode(tokenizer, prompt_ids + new_ids),
    )


PROMPT_ECHO_LESSON = (
    "Your text starts with the prompt: a decoder-only model's generate() returns the prompt's ids "
    "followed by the new ones. Keep only the ids after the prompt before decoding."
)


def reject_prompt_echo(reference: Continuation, got: str, name: str, **shown: Any) -> None:
    """Fail with the prompt lesson when `got` is the continuation with the prompt in front."""
    if reference.echoes_prompt(got):
        fail(PROMPT_ECHO_LESSON, on=name, **shown, expected=reference.text, got=got)
