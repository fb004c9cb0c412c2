"""Shared proofs for Tracks D and E (katas 30-35): what the model was fed, which
pipeline was built, fresh objects a learner may change, and crash diagnosis.

Several wrong answers in these katas do not return a wrong value, they crash
(an input longer than the position table, a batch without a pad token) or
they answer without ever running the model (a lookup instead of an
experiment). A check sees *how* the answer was reached by watching what the
model was fed: every forward pass, however it was called, is recorded.

Both watchers are instruments (see `autokata.kit.instruments`): they run where
the learner's code runs (the learner process under the two-process judge,
this process otherwise) and bring back data only. `ForwardPasses` hooks the
learner's own copy of the model it was handed (found by argument position or
keyword) and records each pass's ids, mask and plain options as tensors and
scalars; `PipelinesBuilt` patches `Pipeline.__init__` at class level and
records the class of every pipeline built, by name. `run` is the usual way in:
it calls a learner function under a `ForwardPasses` and returns a `Run`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any

from autokata.kit import models as m
from autokata.kit import returns
from autokata.kit.instruments import Instrument
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


def _plain(value: Any) -> Any:
    """An option's value as data: a scalar as it is, anything else by its type's name."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    return type(value).__name__


class ForwardPasses(Instrument):
    """Every forward pass of the model handed to learner code as argument `at` (a position or a
    keyword), as data: `passes` holds one dict per pass with `ids` and `mask` (tensors; the mask
    None when not given), `options` (the other, non-tensor keyword arguments: scalars as they are,
    other objects by their type's name) and `direct`.

    Seen on the way in, before a too-long input crashes on the position table.
    A hook on the model sees `model(...)`; one on the input embeddings also
    sees `model.forward(...)` called directly, and records only then (`direct`:
    its mask and options are then unknown). The hooks go on the learner's own
    copy of the model (`before`) and come off after the call.
    """

    def __init__(self, at: int | str) -> None:
        self.at = at
        self.passes: list[dict[str, Any]] = []

    def install(self) -> None:
        self._handles: list[Any] = []
        self._inside = False

    def uninstall(self) -> None:
        for handle in getattr(self, "_handles", []):
            handle.remove()
        self._handles = []

    def before(self, args: tuple, kwargs: dict) -> None:
        if isinstance(self.at, str):
            model = kwargs.get(self.at)
        else:
            model = args[self.at] if 0 <= self.at < len(args) else None
        if not hasattr(model, "register_forward_pre_hook") or not hasattr(model, "get_input_embeddings"):
            return
        self._handles += [
            model.register_forward_pre_hook(self._enter, with_kwargs=True),
            model.register_forward_hook(self._leave, always_call=True),
        ]
        embeddings = model.get_input_embeddings()
        if embeddings is not None:
            self._handles.append(embeddings.register_forward_pre_hook(self._lookup))

    def _enter(self, _module: Any, args: tuple, kwargs: dict) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        self._inside = True
        if ids is not None and hasattr(ids, "detach"):
            mask = kwargs.get("attention_mask", args[1] if len(args) > 1 else None)
            mask = mask.detach().clone() if hasattr(mask, "detach") else None
            options = {
                str(k): _plain(v) for k, v in kwargs.items() if not hasattr(v, "detach") and k != "input_ids"
            }
            self.passes.append({"ids": ids.detach().clone(), "mask": mask, "options": options, "direct": False})

    def _leave(self, *_: Any) -> None:
        self._inside = False

    def _lookup(self, _module: Any, args: tuple) -> None:
        if not self._inside and args and hasattr(args[0], "detach"):
            self.passes.append({"ids": args[0].detach().clone(), "mask": None, "options": {}, "direct": True})

    def seen(self) -> list[Pass]:
        """The recorded passes as `Pass` objects (a malformed record is left out)."""
        import torch

        seen = []
        for record in self.passes if isinstance(self.passes, list) else []:
            if not isinstance(record, dict) or not isinstance(record.get("ids"), torch.Tensor):
                continue
            mask = record.get("mask")
            options = record.get("options")
            seen.append(Pass(
                record["ids"],
                mask if isinstance(mask, torch.Tensor) else None,
                dict(options) if isinstance(options, dict) else {},
                bool(record.get("direct")),
            ))
        return seen


def _position_of(model: Any, args: tuple, kwargs: dict) -> int | str:
    """Where `model` is among a call's arguments: its position, or its keyword."""
    for position, value in enumerate(args):
        if value is model:
            return position
    for keyword, value in kwargs.items():
        if value is model:
            return keyword
    raise ValueError("run(..., model=m): m must be one of the arguments handed to the learner")


def run(call: Callable[..., Any], *args: Any, model: Any = None, **kwargs: Any) -> Run:
    """Call a learner function, keeping a crash (and what `model`, one of the arguments, was fed)
    for diagnosis."""
    outcome = Run()
    if model is None:
        try:
            outcome.value = call(*args, **kwargs)
        except LearnerCrash as crash:
            outcome.crash = crash
        return outcome
    with ForwardPasses(_position_of(model, args, kwargs)) as recorder:
        try:
            outcome.value = call(*args, **kwargs)
        except LearnerCrash as crash:
            outcome.crash = crash
    outcome.passes = recorder.seen()
    outcome.inputs = [p.ids for p in outcome.passes]
    return outcome


class PipelinesBuilt(Instrument):
    """Every transformers Pipeline constructed by learner code inside the block: `built` holds
    the class of each, as `module.ClassName`.

    Patched on the base class, so every task's pipeline is seen, whether the
    learner passed a path or model objects, and recorded before it initialises
    (a wrong task may crash there); the original is always restored.
    """

    def __init__(self) -> None:
        self.built: list[str] = []

    def install(self) -> None:
        from transformers.pipelines.base import Pipeline

        self._original = Pipeline.__init__
        original, built = self._original, self.built

        def spy(pipe: Any, *args: Any, **kwargs: Any) -> None:
            built.append(implementation(type(pipe)))
            original(pipe, *args, **kwargs)

        Pipeline.__init__ = spy

    def uninstall(self) -> None:
        from transformers.pipelines.base import Pipeline

        Pipeline.__init__ = self._original

    def classes(self) -> list[str]:
        """The recorded class names (anything that is not a name is left out)."""
        return [name for name in self.built if isinstance(name, str)] if isinstance(self.built, list) else []


def implementation(cls: type) -> str:
    """A class as `module.ClassName`, the way transformers' task table names pipelines."""
    return f"{cls.__module__}.{cls.__name__}"


def pipeline_task(pipeline: str) -> tuple[str, str]:
    """The task name a pipeline class (`module.ClassName`) serves and the Auto class it loads for it."""
    from transformers.pipelines import SUPPORTED_TASKS

    for task, entry in SUPPORTED_TASKS.items():
        impl = entry["impl"]  # a dotted path in recent releases, the class itself in older ones
        if (impl if isinstance(impl, str) else implementation(impl)) == pipeline:
            return task, entry["pt"][0].__name__
    return pipeline.rsplit(".", 1)[-1], "?"


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
