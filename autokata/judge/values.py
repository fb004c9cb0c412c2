"""Values as data, both ways between the checking process and a learner process.

`Packer.pack` turns a value into JSON-able data plus byte blobs (tensors go
into one safetensors blob); `Unpacker.unpack` rebuilds it. What a learner
process sends is unpacked *strictly*: only JSON, tensors, and objects rebuilt
from data — a model from its class name (accepted only if transformers defines
it), its config and its weights; a tokenizer from its saved files; a class
from its name if transformers, torch or Python defines it. Anything else
arrives as an `Opaque` stand-in that names its type. The checking side may
also send pickles (instruments, tokenizers), which only the learner side ever
loads: the learner cannot harm the checking process by reading them.

Models and tokenizers travel with a *handle*: the same object on both sides
(the learner's own, and its twin) keeps one handle, so a check can hand the
learner back the very model its loader returned, and changes made on either
side (a re-seeded head, a learner setting a pad token) travel with the next
message. `Pairs` keeps each side's objects by handle and sees whether one
changed since it last crossed.
"""

from __future__ import annotations

import base64
import importlib
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Module prefixes whose classes may come back from a learner process by name.
TRUSTED_MODULES = ("transformers", "torch", "builtins", "collections", "typing", "numbers")
_MAX_TEXT = 300


@dataclass(frozen=True)
class Opaque:
    """What a learner returned that cannot cross as data: only its type's name (and a short text) comes back."""

    type_name: str
    text: str = ""

    def __repr__(self) -> str:
        return f"<a {self.type_name} object>"


class Refused(Exception):
    """A learner process sent something the checking side does not accept."""


class Pairs:
    """Objects by handle on one side, and what each looked like when it last crossed."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0
        self.by_handle: dict[str, Any] = {}
        self.handle_of: dict[int, str] = {}
        self.prints: dict[str, Any] = {}

    def new_handle(self) -> str:
        self.count += 1
        return f"{self.prefix}{self.count}"

    def pair(self, handle: str, value: Any) -> None:
        self.by_handle[handle] = value
        self.handle_of[id(value)] = handle
        self.prints[handle] = fingerprint(value)

    def find(self, value: Any) -> str | None:
        handle = self.handle_of.get(id(value))
        return handle if handle is not None and self.by_handle.get(handle) is value else None

    def changed(self, handle: str) -> bool:
        return fingerprint(self.by_handle[handle]) != self.prints[handle]

    def seen(self, handle: str) -> None:
        self.prints[handle] = fingerprint(self.by_handle[handle])


def is_model(value: Any) -> bool:
    from transformers import PreTrainedModel

    return isinstance(value, PreTrainedModel)


def is_tokenizer(value: Any) -> bool:
    from transformers import PreTrainedTokenizerBase

    return isinstance(value, PreTrainedTokenizerBase)


def fingerprint(value: Any) -> Any:
    """What changes when a model or tokenizer is changed in place (weights, dtype, config, settings)."""
    if is_model(value):
        tensors = tuple(
            (name, id(t), t._version, t.dtype, t.requires_grad)
            for name, t in [*value.named_parameters(remove_duplicate=False), *value.named_buffers(remove_duplicate=False)]
        )
        generation = getattr(value, "generation_config", None)
        return tensors, _text(value.config.__dict__), _text(getattr(generation, "__dict__", None)), value.training
    return (
        value.padding_side,
        value.truncation_side,
        len(value),
        _text(value.special_tokens_map),
        value.model_max_length,
        _text(getattr(value, "chat_template", None)),
    )


def _text(value: Any) -> str:
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a value whose repr fails still has an identity
        return f"<{id(value)}>"


class Packer:
    """Turns values into data. `trusted` (the checking side) may also send pickles."""

    def __init__(self, pairs: Pairs, trusted: bool) -> None:
        self.pairs = pairs
        self.trusted = trusted
        self.tensors: dict[str, Any] = {}
        self.blobs: dict[str, bytes] = {}
        #: The check's own objects (instruments, recorders) sent as pickles, in order: what the
        #: learner side recorded in them comes back, in the same order, to be taken in.
        self.pickled: list[Any] = []
        self._seen: dict[int, str] = {}
        self._kept: list[Any] = []  # what `_seen` keys by id stays alive (no id reused by a temporary)

    def finish(self) -> dict[str, bytes]:
        """The byte blobs of everything packed (tensors in one safetensors blob)."""
        if self.tensors:
            from safetensors.torch import save

            self.blobs["tensors"] = save(self.tensors)
        return self.blobs

    def blob(self, data: bytes) -> str:
        key = f"b{len(self.blobs)}"
        self.blobs[key] = data
        return key

    def tensor(self, value: Any) -> str:
        key = self._seen.get(id(value))
        if key is None:
            key = f"t{len(self.tensors)}"
            self.tensors[key] = value.detach().cpu().contiguous().clone()
            self._seen[id(value)] = key
            self._kept.append(value)
        return key

    def pack(self, value: Any) -> Any:
        import torch

        if value is None or type(value) in (bool, int, float, str):
            return value
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return {"$int": int.__index__(value)}
        if isinstance(value, float):
            return float.__float__(value)
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, torch.Tensor):
            return {"$tensor": self.tensor(value), "grad": value.requires_grad, "grad_fn": _grad_fn(value)}
        if type(value) in (list, tuple, set, frozenset):
            items = [self.pack(item) for item in value]
            return items if type(value) is list else {"$" + type(value).__name__: items}
        if type(value) is dict:
            return {"$dict": [[self.pack(k), self.pack(v)] for k, v in value.items()]}
        if isinstance(value, torch.dtype):
            return {"$dtype": str(value).removeprefix("torch.")}
        if isinstance(value, type):
            return {"$type": f"{value.__module__}:{value.__qualname__}"}
        if is_model(value) or is_tokenizer(value):
            return self.pack_paired(value)
        return self.pack_other(value)

    def pack_paired(self, value: Any) -> dict:
        handle = self.pairs.find(value)
        if handle is not None and not self.pairs.changed(handle):
            return {"$handle": handle}
        if handle is None:
            handle = self.pairs.new_handle()
            self.pairs.pair(handle, value)
        else:
            self.pairs.seen(handle)
        return {"$handle": handle, "state": self.model(value) if is_model(value) else self.tokenizer(value)}

    def model(self, model: Any) -> dict:
        named = [*model.named_parameters(remove_duplicate=False), *model.named_buffers(remove_duplicate=False)]
        groups: dict[int, list[str]] = {}
        for name, tensor in named:
            groups.setdefault(id(tensor), []).append(name)
        parameters = {name for name, _ in model.named_parameters(remove_duplicate=False)}
        first = {names[0]: tensor for names, tensor in ((groups[id(t)], t) for _, t in named)}
        generation = getattr(model, "generation_config", None)
        return {
            "class": self.pack(type(model)),
            "config": self.config(model.config),
            "generation_config": self.config(generation) if generation is not None else None,
            "tensors": {name: self.tensor(tensor) for name, tensor in first.items()},
            "parameters": sorted(parameters),
            "ties": [names for names in groups.values() if len(names) > 1],
            "frozen": sorted(n for n, t in model.named_parameters(remove_duplicate=False) if not t.requires_grad),
            "training": model.training,
            "modules": self.modules(model),
        }

    def modules(self, model: Any) -> list:
        """Each submodule's name and class, with the plain settings a torch layer keeps (sizes, rates):
        a model whose modules were swapped by hand (a new head) gets a twin with the same modules."""
        tree = []
        for name, module in model.named_modules(remove_duplicate=False):
            if name:
                settings = {k: v for k, v in vars(module).items() if _plain_setting(k, v)}
                empty = sorted(k for k, v in module._parameters.items() if v is None)
                tree.append([name, self.pack(type(module)), self.pack(settings), empty])
        return tree

    def config(self, config: Any) -> dict:
        return {"class": self.pack(type(config)), "state": self.pack(dict(config.__dict__))}

    def tokenizer(self, tokenizer: Any) -> dict:
        if self.trusted:
            return {"pickle": self.blob(pickle.dumps(tokenizer))}
        with tempfile.TemporaryDirectory(prefix="autokata-tokenizer-") as folder:
            tokenizer.save_pretrained(folder)
            files = {p.name: self.blob(p.read_bytes()) for p in Path(folder).iterdir() if p.is_file()}
        settings = {k: getattr(tokenizer, k, None) for k in ("padding_side", "truncation_side", "model_max_length")}
        return {"files": files, "settings": self.pack(settings)}

    def pack_other(self, value: Any) -> Any:
        from transformers import BatchEncoding, GenerationConfig, PretrainedConfig

        if isinstance(value, (PretrainedConfig, GenerationConfig)):
            return {"$config": self.config(value)}
        if isinstance(value, BatchEncoding):
            return {"$batch": self.pack(dict(value.data))}
        if hasattr(value, "__array__") and type(value).__module__ == "numpy":
            import torch

            return {"$ndarray": self.pack(torch.as_tensor(value))}  # comes back a numpy array
        if type(value).__module__ == "numpy" and hasattr(value, "item"):
            return self.pack(value.item())
        if isinstance(value, Path):
            return {"$path": str(value)}
        if isinstance(value, bytes):
            return {"$bytes": base64.b64encode(value).decode()}
        if self.trusted:
            if type(value).__module__.startswith("autokata."):
                self.pickled.append(value)
                return {"$pickle": self.blob(pickle.dumps(value)), "sync": True}
            return {"$pickle": self.blob(pickle.dumps(value))}
        return {"$opaque": _type_name(value), "text": _safe_text(value)}


class Unpacker:
    """Rebuilds values from data. `trusted_sender` (the learner side reading the checks) also loads pickles."""

    def __init__(
        self, pairs: Pairs, blobs: dict[str, bytes], trusted_sender: bool, may_update: Callable[[Any], bool] | None = None
    ) -> None:
        self.pairs = pairs
        #: Whether a known object may be brought up to date in place (else a fresh one replaces it).
        self.may_update = may_update or (lambda value: True)
        self.blobs = blobs
        self.trusted_sender = trusted_sender
        self.tensors: dict[str, Any] = {}
        #: Handles of the models and tokenizers this message carried.
        self.touched: list[str] = []
        #: The check's objects that came as pickles and report back what they recorded.
        self.synced: list[Any] = []
        if "tensors" in blobs:
            from safetensors.torch import load

            self.tensors = load(blobs["tensors"])

    def unpack(self, data: Any) -> Any:
        if data is None or type(data) in (bool, int, float, str):
            return data
        if type(data) is list:
            return [self.unpack(item) for item in data]
        if type(data) is not dict or len(data) < 1:
            raise Refused(f"unexpected data {type(data).__name__}")
        tag = next(iter(data))
        handler: Callable[[Any], Any] | None = getattr(self, "_" + tag.lstrip("$"), None)
        if not tag.startswith("$") or handler is None:
            raise Refused(f"unknown tag {tag!r}")
        return handler(data)

    def _int(self, data: dict) -> int:
        return int(data["$int"])

    def _tuple(self, data: dict) -> tuple:
        return tuple(self.unpack(item) for item in data["$tuple"])

    def _set(self, data: dict) -> set:
        return {self.unpack(item) for item in data["$set"]}

    def _frozenset(self, data: dict) -> frozenset:
        return frozenset(self.unpack(item) for item in data["$frozenset"])

    def _dict(self, data: dict) -> dict:
        return {self.unpack(k): self.unpack(v) for k, v in data["$dict"]}

    def _tensor(self, data: dict) -> Any:
        tensor = self.tensors[data["$tensor"]]
        if data.get("grad") and tensor.is_floating_point():
            tensor.requires_grad_(True)
        return tensor

    def _dtype(self, data: dict) -> Any:
        import torch

        dtype = getattr(torch, str(data["$dtype"]), None)
        if not isinstance(dtype, torch.dtype):
            raise Refused(f"not a torch dtype: {data['$dtype']!r}")
        return dtype

    def _type(self, data: dict) -> type:
        return resolve_class(str(data["$type"]), trusted_sender=self.trusted_sender)

    def _path(self, data: dict) -> Path:
        return Path(str(data["$path"]))

    def _bytes(self, data: dict) -> bytes:
        return base64.b64decode(data["$bytes"])

    def _ndarray(self, data: dict) -> Any:
        import torch

        tensor = self.unpack(data["$ndarray"])
        if not isinstance(tensor, torch.Tensor):
            raise Refused("a numpy array must carry a tensor")
        return tensor.detach().numpy()

    def _opaque(self, data: dict) -> Opaque:
        return Opaque(str(data["$opaque"])[:_MAX_TEXT], str(data.get("text", ""))[:_MAX_TEXT])

    def _pickle(self, data: dict) -> Any:
        if not self.trusted_sender:
            raise Refused("a learner process may not send pickles")
        value = pickle.loads(self.blobs[data["$pickle"]])
        if data.get("sync"):
            self.synced.append(value)
        return value

    def _batch(self, data: dict) -> Any:
        from transformers import BatchEncoding

        return BatchEncoding(self.unpack(data["$batch"]))

    def _config(self, data: dict) -> Any:
        return self.config(data["$config"])

    def config(self, data: dict) -> Any:
        from transformers import GenerationConfig, PretrainedConfig

        cls = self._type(data["class"])
        if not (isinstance(cls, type) and issubclass(cls, (PretrainedConfig, GenerationConfig))):
            raise Refused(f"{cls!r} is not a transformers config class")
        config = cls.__new__(cls)
        state = self.unpack(data["state"])
        if type(state) is not dict:
            raise Refused("a config's state must be a dict")
        config.__dict__.update(state)
        return config

    def _handle(self, data: dict) -> Any:
        handle = str(data["$handle"])
        self.touched.append(handle)
        known = self.pairs.by_handle.get(handle)
        if "state" not in data:
            if known is None:
                raise Refused(f"unknown handle {handle}")
            return known
        state = data["state"]
        if known is not None and not self.may_update(known):
            known = None  # never changed in place: the sender's changes land on a fresh object
        if "class" in state:
            value = self.model(state, into=known)
        else:
            value = self.tokenizer(state, into=known)
        self.pairs.pair(handle, value)
        return value

    def model(self, state: dict, into: Any = None) -> Any:
        """A twin of the sender's model (or `into`, brought up to date in place)."""
        import torch
        from transformers import PreTrainedModel

        cls = self._type(state["class"])
        if not (isinstance(cls, type) and issubclass(cls, PreTrainedModel)):
            raise Refused(f"{cls!r} is not a transformers model class")
        config = self.config(state["config"])
        if into is None or type(into) is not cls:
            with _no_init():
                into = cls(config)
        else:
            into.config.__dict__.clear()
            into.config.__dict__.update(config.__dict__)
        if state.get("generation_config") is not None:
            into.generation_config = self.config(state["generation_config"])
        if state.get("modules") is not None:
            self.match_modules(into, state["modules"])
        parameters, frozen = set(state["parameters"]), set(state["frozen"])
        for name, key in state["tensors"].items():
            tensor = self.tensors[key]
            if name in parameters:
                tensor = torch.nn.Parameter(tensor, requires_grad=name not in frozen and tensor.is_floating_point())
            _place(into, name, tensor, name in parameters)
        for names in state["ties"]:
            shared = into.get_parameter(names[0]) if names[0] in parameters else into.get_buffer(names[0])
            for name in names[1:]:
                _place(into, name, shared, name in parameters)
        into.train(bool(state["training"]))
        return into

    def match_modules(self, model: Any, tree: list) -> None:
        """Give the twin the sender's modules where they are not its class's own (a head replaced by a
        torch layer by hand): those are rebuilt from torch's own classes and their plain settings, and
        modules the sender no longer has are dropped. Anything else cannot be rebuilt from data."""
        import torch

        sent = [(str(name), self._type(cls), self.unpack(settings), list(empty)) for name, cls, settings, empty in tree]
        mine = dict(model.named_modules(remove_duplicate=False))
        if len(mine) == len(sent) + 1 and all(type(mine.get(name)) is cls for name, cls, _, _ in sent):
            return
        for name, cls, settings, empty in sent:
            parent = _owner(model, name)
            if parent is not None and type(parent._modules.get(name.rpartition(".")[2])) is cls:
                continue
            torch_layer = isinstance(cls, type) and issubclass(cls, torch.nn.Module)
            if not (torch_layer and cls.__module__.startswith("torch.nn")):
                what = getattr(cls, "type_name", getattr(cls, "__name__", "?"))
                raise Refused(f"its module `{name}` is a {what}, which cannot be rebuilt from data")
            module = cls.__new__(cls)
            torch.nn.Module.__init__(module)
            for key, value in dict(settings).items():
                if _plain_setting(key, value):
                    object.__setattr__(module, key, value)
            for key in empty:
                module._parameters[str(key)] = None
            if parent is None:
                raise Refused(f"its module `{name}` has no parent module")
            parent._modules[name.rpartition(".")[2]] = module
        names = {name for name, _, _, _ in sent}
        for name in [n for n in dict(model.named_modules(remove_duplicate=False)) if n and n not in names]:
            parent = _owner(model, name)
            if parent is not None:
                parent._modules.pop(name.rpartition(".")[2], None)

    def tokenizer(self, state: dict, into: Any = None) -> Any:
        if "pickle" in state:
            fresh = self._pickle({"$pickle": state["pickle"]})
        else:
            from transformers import AutoTokenizer

            with tempfile.TemporaryDirectory(prefix="autokata-tokenizer-") as folder:
                for name, key in state["files"].items():
                    if os.sep in name or name.startswith("."):
                        raise Refused(f"a tokenizer file may not be named {name!r}")
                    (Path(folder) / name).write_bytes(self.blobs[key])
                fresh = AutoTokenizer.from_pretrained(folder)
            for key, value in self.unpack(state["settings"]).items():
                if value is not None:
                    setattr(fresh, key, value)
        if into is None:
            return fresh
        into.__dict__.clear()
        into.__dict__.update(fresh.__dict__)
        return into


def resolve_class(path: str, trusted_sender: bool) -> type:
    """`module:qualname` back to the class; from a learner, only a class that transformers, torch
    or Python itself defines."""
    module_name, _, qualname = path.partition(":")
    if not trusted_sender and not module_name.split(".")[0] in TRUSTED_MODULES:
        return Opaque(qualname.rsplit(".", 1)[-1] + " class", path)  # type: ignore[return-value]
    try:
        value: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            value = getattr(value, part)
    except (ImportError, AttributeError, ValueError):
        raise Refused(f"no class {path}") from None
    if not isinstance(value, type):
        raise Refused(f"{path} is not a class")
    return value


def _plain_setting(key: Any, value: Any) -> bool:
    """A module attribute that is a plain setting (a size, a rate, a flag), safe to set on a rebuilt layer."""
    if not isinstance(key, str) or not key.isidentifier() or key.startswith("__"):
        return False
    if type(value) is tuple:
        return all(item is None or type(item) in (bool, int, float, str) for item in value)
    return value is None or type(value) in (bool, int, float, str)


def _owner(model: Any, name: str) -> Any:
    """The module that holds submodule `name` (None when the path does not exist)."""
    owner_name = name.rpartition(".")[0]
    try:
        return model.get_submodule(owner_name) if owner_name else model
    except AttributeError:
        return None


def _place(model: Any, name: str, tensor: Any, parameter: bool) -> None:
    owner_name, _, attribute = name.rpartition(".")
    owner = model.get_submodule(owner_name) if owner_name else model
    if parameter:
        owner._parameters[attribute] = tensor
    else:
        owner._buffers[attribute] = tensor


def _no_init() -> Any:
    """Skip random initialisation while building a twin: its weights come next, from data."""
    import contextlib

    for module in ("transformers.initialization", "transformers.modeling_utils"):  # moved within 5.x
        found = getattr(importlib.import_module(module), "no_init_weights", None)
        if found is not None:
            return found()
    return contextlib.nullcontext()


def _grad_fn(tensor: Any) -> str | None:
    return type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None


def _type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}" if cls.__module__ != "builtins" else cls.__qualname__


def _safe_text(value: Any) -> str:
    try:
        return repr(value)[:_MAX_TEXT]
    except Exception:  # noqa: BLE001 - the learner's repr may raise; its type name is enough
        return ""

