"""What a check hands to learner code is the learner's own object, by construction.

Checks keep shared, cached references (models, tokenizers) that every later
check in the process computes against. If learner code received one of them,
a kata that casts its model to bfloat16 or pads its tokenizer on the left
would change the verdicts of every kata after it. So every argument of every
call into learner code passes through `private_arguments`: an object the check
made *for* the learner (`give`, used by `private_copy` and friends) or one the
learner returned earlier goes through as it is (the check may look at what the
learner did to it); anything else that can be changed is deep-copied first.
Plain values (strings, numbers) and the check's own instruments (recorders,
callbacks defined in autokata) need no copy.
"""

from __future__ import annotations

import copy
import types
import weakref
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")

_IMMUTABLE = (str, bytes, int, float, complex, bool, type(None), PurePath, range, type)
_FUNCTIONS = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.BuiltinMethodType)
#: id -> weak reference of every object that is the learner's own (made for it, or returned by it).
_OWNED: dict[int, weakref.ref] = {}


def give(value: T) -> T:
    """Mark `value` as the learner's private object (a copy the check made for it) and return it."""
    _own(value)
    return value


def is_learners(value: Any) -> bool:
    ref = _OWNED.get(id(value))
    return ref is not None and ref() is value


def private_arguments(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """The arguments learner code may have: the learner's own objects as they are, copies of the rest."""
    return tuple(_private(a) for a in args), {k: _private(v) for k, v in kwargs.items()}


def owned_by_learner(value: T) -> T:
    """A value learner code returned: it (and what it holds) is the learner's, and may go back to it."""
    if type(value) in (list, tuple, set, frozenset):
        for item in value:
            owned_by_learner(item)
    elif type(value) is dict:
        for item in value.values():
            owned_by_learner(item)
    else:
        _own(value)
    return value


def _own(value: Any) -> None:
    if isinstance(value, _IMMUTABLE):
        return
    key = id(value)
    try:
        _OWNED[key] = weakref.ref(value, lambda _, key=key: _OWNED.pop(key, None))
    except TypeError:  # not weakly referable (a list, a dict): copied whenever it is handed over
        pass


def _private(value: Any) -> Any:
    if isinstance(value, _IMMUTABLE) or isinstance(value, _FUNCTIONS) or is_learners(value):
        return value
    if type(value).__module__.startswith("autokata."):  # the check's own recorders and callbacks
        return value
    if type(value) in (list, set, frozenset) or type(value) is tuple:
        return type(value)(_private(item) for item in value)
    if type(value) is dict:
        return {key: _private(item) for key, item in value.items()}
    return give(copy.deepcopy(value))
