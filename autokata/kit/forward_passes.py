"""The forward-pass recorder, and the other hooks a check puts on the models it hands to learner code.

Several wrong answers do not return a wrong value, they crash (an input longer
than the position table, a batch without a pad token) or they answer without
ever running the model (a lookup instead of an experiment). A check sees *how*
the answer was reached by watching what the model was fed: every forward pass,
however it was called, is recorded.

Every watcher here is an instrument (see `autokata.kit.instruments`): it runs
where the learner's code runs (the learner process under the two-process
judge, this process otherwise), hooks the learner's own copy of the model it
was handed, and brings back data only. `ForwardPasses` records each pass's
ids, mask and plain options as tensors and scalars (`run` is the usual way in:
it calls a learner function under a `ForwardPasses` and returns a `Run`);
`TokenTypesSeen` and `RowsSeen` record the token type ids and the rows of ids a
model read; `LossGradient` takes the gradient of a returned loss where its
graph lives; `SpecialEveryOtherStep` makes a model emit a special token, which
the tiny checkpoints never do on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from autokata.kit import crashes
from autokata.kit.instruments import Instrument
from autokata.kit.outcomes import CallOutcome


def _models_in(args: tuple, kwargs: dict) -> list[Any]:
    """The transformers models among a learner call's arguments (the ones a check handed over)."""
    from transformers import PreTrainedModel

    return [value for value in (*args, *kwargs.values()) if isinstance(value, PreTrainedModel)]


class _Hooking(Instrument):
    """An instrument that hooks the models a learner call is given, and unhooks them after the call."""

    def install(self) -> None:
        self._hooks: list[Any] = []

    def uninstall(self) -> None:
        for hook in getattr(self, "_hooks", []):
            hook.remove()
        self._hooks = []


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
class Run(CallOutcome):
    """What happened during one learner call: its value, or the crash it raised (`value`, `crash`,
    `result()`), and what the watched model was fed (`passes`, and their ids as `inputs`)."""

    inputs: list[Any] = field(default_factory=list)
    passes: list[Pass] = field(default_factory=list)

    @property
    def crash_line(self) -> str:
        return crashes.crash_line(self.crash) if self.crash else ""

    def asked_for(self, option: str) -> bool:
        """Did any forward pass ask for `option` (say `output_attentions=True`)?"""
        return any(bool(p.options.get(option)) for p in self.passes)


def _plain(value: Any) -> Any:
    """An option's value as data: a scalar as it is, anything else by its type's name."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    return type(value).__name__


class ForwardPasses(_Hooking):
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
        super().install()
        self._inside = False

    def before(self, args: tuple, kwargs: dict) -> None:
        if isinstance(self.at, str):
            model = kwargs.get(self.at)
        else:
            model = args[self.at] if 0 <= self.at < len(args) else None
        if not hasattr(model, "register_forward_pre_hook") or not hasattr(model, "get_input_embeddings"):
            return
        self._hooks += [
            model.register_forward_pre_hook(self._enter, with_kwargs=True),
            model.register_forward_hook(self._leave, always_call=True),
        ]
        embeddings = model.get_input_embeddings()
        if embeddings is not None:
            self._hooks.append(embeddings.register_forward_pre_hook(self._lookup))

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
        return outcome.take(call, *args, **kwargs)
    with ForwardPasses(_position_of(model, args, kwargs)) as recorder:
        outcome.take(call, *args, **kwargs)
    outcome.passes = recorder.seen()
    outcome.inputs = [p.ids for p in outcome.passes]
    return outcome


class TokenTypesSeen(_Hooking):
    """For each forward pass of a model handed to the learner (one with token type embeddings),
    how many of the token type ids it got were non-zero: `counts` (empty for models without)."""

    def __init__(self) -> None:
        self.counts: list[int] = []

    def before(self, args: tuple, kwargs: dict) -> None:
        for model in _models_in(args, kwargs):
            self._hooks += [module.register_forward_pre_hook(self._seen)
                            for key, module in model.named_modules() if key.endswith("token_type_embeddings")]

    def _seen(self, module: Any, args: tuple) -> None:
        self.counts.append(int(args[0].count_nonzero()))


class RowsSeen(_Hooking):
    """What a model handed to the learner reads: every row of token ids that reaches its input
    embeddings, pad ids `pad` removed (`rows`, tuples of ints); the non-zero token type ids of each
    forward pass, where the model has token type embeddings (`token_types`); and for each call of
    the model whether it attended to a pad token (`read_padding`)."""

    def __init__(self, pad: int | None) -> None:
        self.pad = pad
        self.rows: list[tuple[int, ...]] = []
        self.token_types: list[int] = []
        self.read_padding: list[bool] = []

    def before(self, args: tuple, kwargs: dict) -> None:
        for model in _models_in(args, kwargs):
            self._hooks.append(model.get_input_embeddings().register_forward_pre_hook(self._ids))
            self._hooks.append(model.register_forward_pre_hook(self._call, with_kwargs=True))
            self._hooks += [module.register_forward_pre_hook(self._types)
                            for key, module in model.named_modules() if key.endswith("token_type_embeddings")]

    def _ids(self, module: Any, args: tuple) -> None:
        ids = args[0].reshape(-1, args[0].shape[-1])
        self.rows.extend(tuple(t for t in row if t != self.pad) for row in ids.tolist())

    def _types(self, module: Any, args: tuple) -> None:
        self.token_types.append(int(args[0].count_nonzero()))

    def _call(self, module: Any, args: tuple, kwargs: dict) -> None:
        import inspect

        try:
            bound = inspect.signature(module.forward).bind_partial(*args, **kwargs).arguments
        except (TypeError, ValueError):
            return
        ids, mask = bound.get("input_ids"), bound.get("attention_mask")
        if ids is None or not hasattr(ids, "eq"):
            return
        pads = ids.eq(self.pad)
        if mask is not None and hasattr(mask, "shape") and mask.shape == ids.shape:
            self.read_padding.append(bool((pads & mask.ne(0)).any()))
        else:
            self.read_padding.append(bool(pads.any()))


class LossGradient(Instrument):
    """The gradient of a loss a learner function returns, taken where its graph lives, with respect
    to the input embeddings of the model the function was given: `gradient` (a tensor, or None when
    the loss does not reach them), or the text of the error autograd raised (`error`). `taken` says
    whether a gradient was asked for (the result was a tensor that requires grad)."""

    def __init__(self) -> None:
        self.taken = False
        self.gradient: Any = None
        self.error: str | None = None

    def install(self) -> None:
        self._weights: Any = None

    def uninstall(self) -> None:
        self._weights = None

    def before(self, args: tuple, kwargs: dict) -> None:
        models = _models_in(args, kwargs)
        if models:
            self._weights = models[0].get_input_embeddings().weight

    def after(self, result: Any) -> None:
        import torch

        if self._weights is None or not isinstance(result, torch.Tensor) or not result.requires_grad:
            return
        self.taken = True
        try:
            self.gradient = torch.autograd.grad(result.sum(), self._weights, allow_unused=True)[0]
        except Exception as error:  # noqa: BLE001 - what autograd said is the record
            self.error = (str(error).splitlines() or [type(error).__name__])[0][:160]


class SpecialEveryOtherStep(_Hooking):
    """Makes a model emit a special token: a hook on the output layer of the model handed to the
    call (hooked in `before`, where the learner's code runs) makes `special_id` the best choice at
    every other forward pass, starting with the second. The tiny checkpoints never emit a special
    token on their own. `apply` puts the same hook on a model of the check's (for its reference)."""

    def __init__(self, special_id: int) -> None:
        self.special_id = special_id

    def install(self) -> None:
        super().install()
        self._passes = 0

    def before(self, args: tuple, kwargs: dict) -> None:
        for model in _models_in(args, kwargs):
            self.apply(model)

    def apply(self, model: Any) -> None:
        self._hooks.append(model.get_output_embeddings().register_forward_hook(self._emit))

    def _emit(self, _module: Any, _args: Any, output: Any) -> Any:
        self._passes += 1
        if self._passes % 2:
            return output
        boosted = output.clone()
        boosted[..., self.special_id] = output.max(dim=-1).values + 10.0
        return boosted
