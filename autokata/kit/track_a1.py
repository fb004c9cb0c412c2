"""Helpers shared by the first Track A katas (02-05): loading with the right Auto
class, private models a learner may touch, and what a generate() call asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.instruments import Instrument
from autokata.kit.outcomes import LearnerCrash, fail

#: What transformers says when an Auto class has no model class for a config.
_NO_MAPPING = "Unrecognized configuration class"


def load_with(attempt: Any, function: str, name: str, auto_class_name: str, lesson: str) -> Any:
    """Call the learner's loader on a checkpoint; the model must be the class
    `auto_class_name` resolves to for it.

    An Auto class with no mapping for the checkpoint's config makes the loader
    crash; that crash gets `lesson` too (formatted with `got`, the Auto class
    at fault), like a model with the wrong head (`got`, its class) does.
    """
    import transformers

    try:
        value = attempt.call(function, m.checkpoint(name))
    except LearnerCrash as crash:
        said = crash_line(crash)
        if _NO_MAPPING not in said:
            raise
        auto = re.search(r"AutoModel: (\w+)", said)
        auto = auto.group(1) if auto else "The Auto class you used"
        fail(
            f"`{auto}` has no model class for this checkpoint's config, so loading it fails. "
            + lesson.format(got=auto),
            on=name,
            the_error_said=said[:160],
        )
    model = m.expect_model(value, function, name)
    auto_class = getattr(transformers, auto_class_name)
    m.expect_class(model, auto_class, name, lesson.format(got=type(model).__name__))
    return model


def crash_line(crash: LearnerCrash) -> str:
    return crash.last_line


private_copy = m.private_copy


private_tokenizer = m.private_tokenizer


expect_text = returns.expect_text


def list_problem(value: Any, length: int) -> str | None:
    """What keeps `value` from being a list of `length` strings, or None."""
    if not isinstance(value, (list, tuple)):
        return f"a {type(value).__name__}, not a list"
    if len(value) != length:
        return f"{len(value)} item(s) instead of {length}"
    wrong = next((item for item in value if not isinstance(item, str)), None)
    if wrong is not None:
        return f"an item of type {type(wrong).__name__} ({wrong!r}), not str"
    return None


def expect_str_list(value: Any, function: str, name: str, length: int, **shown: Any) -> list[str]:
    """The learner's function must return a list of `length` strings."""
    problem = list_problem(value, length)
    if problem is not None:
        fail(
            f"`{function}` should return a list of {length} string(s); yours returned {problem}.",
            on=name, **shown, got=repr(value)[:200],
        )
    return list(value)


def decode(tokenizer: Any, ids: Any, skip_special_tokens: bool = True) -> str:
    """Token ids as text, special tokens dropped unless asked."""
    return tokenizer.decode(list(ids), skip_special_tokens=skip_special_tokens)


@dataclass
class Generation:
    """One call of learner code that generates: what it returned or raised,
    and the resolved settings of every generate() call it made."""

    value: Any = None
    crash: LearnerCrash | None = None
    requests: list[Any] = field(default_factory=list)

    def result(self) -> Any:
        """The value returned, or the learner's crash re-raised."""
        if self.crash is not None:
            raise self.crash
        return self.value

    def any_request(self, predicate: Callable[[Any], bool]) -> Any | None:
        """The first generate() settings that match `predicate`, if any."""
        return next((config for config in self.requests if predicate(config)), None)


def generating(call: Callable[[], Any]) -> Generation:
    """Run learner code under the generate() spy (where that code runs), keeping a crash for diagnosis."""
    from autokata.kit.generation import GenerateSpy

    run = Generation()
    with GenerateSpy() as spy:
        try:
            run.value = call()
        except LearnerCrash as crash:
            run.crash = crash
    run.requests = list(spy.requests)
    return run


class SpecialEveryOtherStep(Instrument):
    """Makes a model emit a special token: a hook on the output layer of the model handed to the
    call (hooked in `before`, where the learner's code runs) makes `special_id` the best choice at
    every other forward pass, starting with the second. The tiny checkpoints never emit a special
    token on their own. `apply` puts the same hook on a model of the check's (for its reference)."""

    def __init__(self, special_id: int) -> None:
        self.special_id = special_id

    def install(self) -> None:
        self._handles: list[Any] = []
        self._passes = 0

    def uninstall(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def before(self, args: tuple, kwargs: dict) -> None:
        from transformers import PreTrainedModel

        for value in (*args, *kwargs.values()):
            if isinstance(value, PreTrainedModel):
                self.apply(value)

    def apply(self, model: Any) -> None:
        self._handles.append(model.get_output_embeddings().register_forward_hook(self._emit))

    def _emit(self, _module: Any, _args: Any, output: Any) -> Any:
        self._passes += 1
        if self._passes % 2:
            return output
        boosted = output.clone()
        boosted[..., self.special_id] = output.max(dim=-1).values + 10.0
        return boosted


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


def logits_of(model: Any, tokenizer: Any, texts: list[str], attention: bool = True) -> Any:
    """The model's logits for a padded batch (without its attention mask if asked: a common mistake)."""
    import torch

    batch = tokenizer(list(texts), padding=True, return_tensors="pt")
    if not attention:
        batch.pop("attention_mask")
    with torch.no_grad():
        return model(**batch).logits


def split_decisions(model: Any, tokenizer: Any, texts: list[str]) -> None:
    """Rescale and shift a two-label head so that these texts fall on both sides
    of its decision boundary, well apart from it.

    A tiny random encoder gives every text nearly the same vector, so even a
    sharpened head labels a whole batch alike; this makes a wrong batching or
    a wrong label lookup show in the predictions.
    """
    import torch

    diff = _margins(logits_of(model, tokenizer, texts))
    ordered = diff.sort().values
    middle = len(ordered) // 2
    threshold = float(ordered[middle - 1] + ordered[middle]) / 2
    scale = 1.0 / max(float(diff.std()), 1e-6)
    layer = _output_layer(model)
    with torch.no_grad():
        layer.weight.mul_(scale)
        layer.bias.mul_(scale)
        layer.bias[1] -= scale * threshold


def near_ties(logits: Any, tolerance: float = 1e-3) -> list[bool]:
    """Texts whose two scores are too close for float noise to decide between them."""
    return [abs(float(d)) < tolerance for d in _margins(logits)]


def _margins(logits: Any) -> Any:
    return logits[:, 1] - logits[:, 0]


def _output_layer(model: Any) -> Any:
    """The head's last linear layer, the one that outputs one score per label."""
    import torch

    head = {id(p) for p in m.head_parameters(model).values()}
    layers = [
        module for module in model.modules()
        if isinstance(module, torch.nn.Linear) and id(module.weight) in head
        and module.out_features == model.config.num_labels
    ]
    return layers[-1]
