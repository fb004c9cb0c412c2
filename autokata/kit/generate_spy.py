"""The generate() spy: what every generate() call of learner code was asked and did, as data.

`GenerateSpy` is an instrument (see `autokata.kit.instruments`): used as
`with GenerateSpy() as spy: attempt.f(...)`, it runs where the learner's code
runs (the learner process under the two-process judge, this process
otherwise) and records, as data only, what every generate() call was asked and
did: the *resolved* settings (it wraps `GenerationMixin._prepare_generation_config`
at class level, so it sees num_beams, do_sample, max_new_tokens, ... whether
they came as keyword arguments, a GenerationConfig, or `model.generation_config`;
patching an instance's `generate` would miss internal dispatch), what each call
was handed, the logits processors it built, its streamer's type, and the
sequences it returned. No learner object is kept: a streamer or a logits
processor is recorded by its type's name (and its class names, for `isinstance`
questions), a processor with its plain settings.

`generation_requests()` is the check-side twin of the settings part: for
generate() calls the *check* makes itself (on a model it reloaded, say).
The watches checks build on the spy, and their lessons, are in
`generate_watches`; what the checks generate themselves is in `decoders`.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from autokata.kit.instruments import Instrument


def kinds(value: Any) -> list[str]:
    """The names of the classes `value` is an instance of (its type first): `isinstance` as data."""
    return [cls.__name__ for cls in type(value).__mro__]


def as_data(value: Any, depth: int = 0) -> Any:
    """A learner value as plain data: scalars as they are, containers item by item, tensors by
    their shape, any other object by its type's name."""
    try:
        return _as_data(value, depth)
    except Exception:  # noqa: BLE001 - a learner object that breaks on inspection: its name will do
        return type(value).__name__


def _as_data(value: Any, depth: int) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    if depth > 3:
        return type(value).__name__
    if hasattr(value, "detach") and hasattr(value, "shape"):
        return f"{type(value).__name__}{list(value.shape)}"
    if isinstance(value, (list, tuple)):  # LogitsProcessorList and StoppingCriteriaList are lists
        return [as_data(item, depth + 1) for item in value]
    if type(value) is dict:
        return {str(k): as_data(v, depth + 1) for k, v in value.items()}
    return type(value).__name__


def describe_processor(processor: Any) -> dict[str, Any]:
    """A logits processor as data: its class names and its plain (scalar) settings."""
    settings = {
        k: v for k, v in vars(processor).items()
        if not k.startswith("_") and (v is None or type(v) in (bool, int, float, str))
    } if hasattr(processor, "__dict__") else {}
    return {"type": type(processor).__name__, "kinds": kinds(processor), "settings": settings}


def _tensor_copy(value: Any) -> Any:
    import torch

    return value.detach().cpu().clone() if isinstance(value, torch.Tensor) else None


def _as_given(model: Any, kwargs: dict[str, Any]) -> Any:
    """The settings of a generate() call that raised before resolving them: its
    keyword arguments over its GenerationConfig (or the model's), unvalidated."""
    from transformers import GenerationConfig

    base = kwargs.get("generation_config") or getattr(model, "generation_config", None)
    try:
        given = copy.deepcopy(base) if isinstance(base, GenerationConfig) else GenerationConfig()
    except Exception:  # noqa: BLE001 - a config the learner broke: start from the defaults
        given = GenerationConfig()
    for key, value in kwargs.items():
        if hasattr(given, key):
            setattr(given, key, plain(value))
    return given


def plain(value: Any, depth: int = 0) -> Any:
    """A setting as data: scalars as they are, tensors and sequences as lists, any other object by
    its type's name."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    if hasattr(value, "tolist") and depth < 3:
        try:
            return plain(value.tolist(), depth + 1)
        except Exception:  # noqa: BLE001 - a learner object with a tolist of its own
            return type(value).__name__
    if isinstance(value, (list, tuple)) and depth < 3:
        return [plain(item, depth + 1) for item in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    return type(value).__name__


def _config_copy(config: Any) -> Any:
    try:
        return copy.deepcopy(config)
    except Exception:  # noqa: BLE001 - a setting the learner stored that cannot be copied
        return config


class GenerateSpy(Instrument):
    """Every generate() call made by learner code inside the block, in call order, as data.

    Per call (parallel lists, one item per generate() call, finished or not):
    `given` (its arguments as data, see `as_data`), `prompts` and `masks` (its
    prompt ids and attention mask as they came in; None when not passed),
    `rng_states` (torch's global generator state as it began), `streamers`
    (the streamer's class names, [] without one), `processors` (the logits
    processors it built, see `describe_processor`), `sequences` (what it
    returned, as lists of ids; None if it raised) and `finished`.
    `new_tokens`: how many tokens each call that returned added to its prompt.
    `requests`: the resolved GenerationConfig of every call (for a call that
    raised before resolving them, the settings it was given).
    """

    def __init__(self) -> None:
        self.requests: list[Any] = []
        self.given: list[dict[str, Any]] = []
        self.prompts: list[Any] = []
        self.masks: list[Any] = []
        self.rng_states: list[Any] = []
        self.streamers: list[list[str]] = []
        self.processors: list[list[dict[str, Any]]] = []
        self.sequences: list[list[list[int]] | None] = []
        self.finished: list[bool] = []
        self.new_tokens: list[int] = []

    # -- where the learner's code runs ------------------------------------------------------

    def install(self) -> None:
        from transformers.generation.utils import GenerationMixin

        self._originals = (
            GenerationMixin.generate,
            GenerationMixin._prepare_generation_config,
            GenerationMixin._get_logits_processor,
        )
        original_generate, original_prepare, original_processors = self._originals
        signature = inspect.signature(original_generate)
        spy = self

        def generate(model, *args, **kwargs):
            return spy._generate(original_generate, signature, model, args, kwargs)

        def prepare(model, *args, **kwargs):
            result = original_prepare(model, *args, **kwargs)
            config = result[0] if isinstance(result, tuple) else result
            spy.requests.append(_config_copy(config))
            return result

        def processors(model, *args, **kwargs):
            built = original_processors(model, *args, **kwargs)
            if spy.processors:
                spy.processors[-1].extend(describe_processor(p) for p in built)
            return built

        GenerationMixin.generate = generate
        GenerationMixin._prepare_generation_config = prepare
        GenerationMixin._get_logits_processor = processors

    def uninstall(self) -> None:
        from transformers.generation.utils import GenerationMixin

        (
            GenerationMixin.generate,
            GenerationMixin._prepare_generation_config,
            GenerationMixin._get_logits_processor,
        ) = self._originals

    def wrap_streamer(self, streamer: Any) -> Any:
        """What generate() is handed in place of a streamer passed by keyword (subclasses may pace it)."""
        return streamer

    def _generate(self, original: Any, signature: Any, model: Any, args: tuple, kwargs: dict) -> Any:
        import torch

        try:
            bound = signature.bind_partial(model, *args, **kwargs).arguments
        except TypeError:
            bound = dict(kwargs)
        named = {k: v for k, v in bound.items() if k not in ("self", "kwargs")}
        extra = bound.get("kwargs")
        named.update(extra if type(extra) is dict else {})
        prompt = named.get("inputs") if named.get("inputs") is not None else named.get("input_ids")
        streamer = named.get("streamer")
        self.rng_states.append(torch.random.get_rng_state())
        self.given.append({str(k): as_data(v) for k, v in named.items()})
        self.prompts.append(_tensor_copy(prompt))
        self.masks.append(_tensor_copy(named.get("attention_mask")))
        self.streamers.append(kinds(streamer) if streamer is not None else [])
        self.processors.append([])
        self.sequences.append(None)
        self.finished.append(False)
        call = len(self.finished) - 1
        if kwargs.get("streamer") is not None:
            kwargs = {**kwargs, "streamer": self.wrap_streamer(kwargs["streamer"])}
        resolved_before = len(self.requests)
        try:
            out = original(model, *args, **kwargs)
        except Exception:
            if len(self.requests) == resolved_before:
                try:
                    self.requests.append(_as_given(model, kwargs))
                except Exception:  # noqa: BLE001 - the learner's own error is the one to report
                    pass
            raise
        finally:
            self.finished[call] = True
        sequences = getattr(out, "sequences", out)
        if hasattr(sequences, "tolist") and hasattr(sequences, "shape"):
            self.sequences[call] = sequences.tolist()
            if isinstance(prompt, torch.Tensor):
                self.new_tokens.append(int(sequences.shape[-1] - prompt.shape[-1]))
        return out

    # -- what the check asks afterwards ---------------------------------------------------

    @property
    def calls(self) -> int:
        """How many times generate() was called (finished or not)."""
        return len(self.given)

    def asked(self, setting: str) -> list[Any]:
        """The value of one resolved setting, per generate() call."""
        return [getattr(config, setting, None) for config in self.requests]

    def any_request(self, predicate: Any) -> Any | None:
        """The first generate() settings that match `predicate`, if any."""
        return next((config for config in self.requests if predicate(config)), None)

    def processors_of(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The logits processors generate() built (from kwargs, a GenerationConfig,
        `model.generation_config` or an explicit `logits_processor=` list), of class `kind` if given."""
        return [p for built in self.processors for p in built if kind is None or kind in p["kinds"]]

    def used_a_streamer(self) -> bool:
        return any(self.streamers)

    def sampled(self) -> bool:
        return any(getattr(config, "do_sample", False) for config in self.requests)

    def rows(self) -> list[int | None]:
        """The number of prompt rows each generate() call was handed (None: not known)."""
        return [None if ids is None or ids.dim() != 2 else int(ids.shape[0]) for ids in self.prompts]


@contextmanager
def generation_requests() -> Iterator[list[Any]]:
    """Collect the resolved GenerationConfig of every generate() call *the check* makes inside the
    block (check-side only: learner calls are watched with `GenerateSpy`)."""
    spy = GenerateSpy()
    spy.install()
    try:
        yield spy.requests
    finally:
        spy.uninstall()
