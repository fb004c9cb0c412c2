"""Shared proofs for Tracks D and E (katas 30-35): what the model was fed, which
pipeline was built, fresh objects a learner may change, and crash diagnosis.

Several wrong answers in these katas do not return a wrong value, they crash
(an input longer than the position table, a batch without a pad token) or
they answer without ever running the model (a lookup instead of an
experiment). A check sees *how* the answer was reached by watching what the
model was fed: every forward pass, however it was called, is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any

from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.outcomes import LearnerCrash, fail


@dataclass
class Pass:
    """One forward pass of the watched model: its token ids, its attention mask,
    and the other (non-tensor) options it was called with.

    `direct` marks a pass seen only at the input embeddings (`model.forward(...)`
    called directly): its mask and options are then unknown (None / empty).
    """

    ids: Any
    mask: Any = None
    options: dict[str, Any] = field(default_factory=dict)
    direct: bool = False


@dataclass
class Run:
    """What happened during one learner call: its value, or the crash it raised."""

    value: Any = None
    crash: LearnerCrash | None = None
    inputs: list[Any] = field(default_factory=list)
    passes: list[Pass] = field(default_factory=list)

    def result(self) -> Any:
        """The value, or the crash re-raised when no check explained it."""
        if self.crash is not None:
            raise self.crash
        return self.value

    @property
    def crash_line(self) -> str:
        return self.crash.trace.strip().splitlines()[-1] if self.crash else ""

    def asked_for(self, option: str) -> bool:
        """Did any forward pass ask for `option` (say `output_attentions=True`)?"""
        return any(bool(p.options.get(option)) for p in self.passes)


@contextmanager
def passes_seen(model: Any) -> Iterator[list[Pass]]:
    """Record every forward pass of `model` inside the block (ids, mask, options).

    Seen on the way in, before a too-long input crashes on the position table.
    A hook on the model sees `model(...)`; one on the input embeddings also
    sees `model.forward(...)` called directly, and records only then. The
    model is left exactly as it was.
    """
    seen: list[Pass] = []
    inside = [False]

    def enter(_module: Any, args: tuple, kwargs: dict) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        inside[0] = True
        if ids is not None and hasattr(ids, "detach"):
            mask = kwargs.get("attention_mask", args[1] if len(args) > 1 else None)
            mask = mask.detach().clone() if hasattr(mask, "detach") else mask
            options = {k: v for k, v in kwargs.items() if not hasattr(v, "detach") and k != "input_ids"}
            seen.append(Pass(ids.detach().clone(), mask, options))

    def leave(*_: Any) -> None:
        inside[0] = False

    def lookup(_module: Any, args: tuple) -> None:
        if not inside[0] and args and hasattr(args[0], "detach"):
            seen.append(Pass(args[0].detach().clone(), direct=True))

    handles = [
        model.register_forward_pre_hook(enter, with_kwargs=True),
        model.register_forward_hook(leave, always_call=True),
        model.get_input_embeddings().register_forward_pre_hook(lookup),
    ]
    try:
        yield seen
    finally:
        for handle in handles:
            handle.remove()


def run(call: Callable[..., Any], *args: Any, model: Any = None, **kwargs: Any) -> Run:
    """Call a learner function, keeping a crash (and the model's inputs) for diagnosis."""
    outcome = Run()
    if model is None:
        try:
            outcome.value = call(*args, **kwargs)
        except LearnerCrash as crash:
            outcome.crash = crash
        return outcome
    with passes_seen(model) as seen:
        try:
            outcome.value = call(*args, **kwargs)
        except LearnerCrash as crash:
            outcome.crash = crash
    outcome.passes = seen
    outcome.inputs = [p.ids for p in seen]
    return outcome


@contextmanager
def pipelines_built() -> Iterator[list[Any]]:
    """Collect every transformers Pipeline object constructed inside the block.

    Patched on the base class, so every task's pipeline is seen, whether the
    learner passed a path or model objects, and recorded before it initialises
    (a wrong task may crash there); the original is always restored.
    """
    from transformers.pipelines.base import Pipeline

    built: list[Any] = []
    original = Pipeline.__init__

    def spy(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    Pipeline.__init__ = spy
    try:
        yield built
    finally:
        Pipeline.__init__ = original


def pipeline_task(pipeline: Any) -> tuple[str, str]:
    """The task name a pipeline object serves and the Auto class it loads for it."""
    from transformers.pipelines import SUPPORTED_TASKS

    implementation = f"{type(pipeline).__module__}.{type(pipeline).__name__}"
    for task, entry in SUPPORTED_TASKS.items():
        if entry["impl"] == implementation:
            return task, entry["pt"][0].__name__
    return type(pipeline).__name__, "?"


fresh_tokenizer = m.private_tokenizer


def fresh_model(auto_class_name: str, name: str) -> Any:
    """A model of its own, loaded from a checkpoint whose head is saved (same weights every load)."""
    import transformers

    return getattr(transformers, auto_class_name).from_pretrained(m.checkpoint(name)).eval()


expect_int = returns.expect_int


def expect_int_list(value: Any, length: int, function: str, name: str, **shown: Any) -> list[int]:
    """A list of `length` integers (one per text)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, Integral) and not isinstance(v, bool) for v in value):
        if len(value) == length:
            return [int(v) for v in value]
        fail(f"`{function}` should return one label index per text.", on=name, **shown,
             expected_length=length, got=list(value))
    hint = " (a tensor: call `.tolist()` on it)" if type(value).__name__ == "Tensor" else ""
    fail(
        f"`{function}` should return a list of ints, one predicted label index per text{hint}.",
        on=name, **shown, got=f"{type(value).__name__}: {value!r}"[:200],
    )


def is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)
