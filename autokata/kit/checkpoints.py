"""Checkpoints: the zoo's models and tokenizers as checks load them, and private copies for learner code.

References (`reference`, `tokenizer`) are loaded once per process and never
handed to learner code (the attempt proxy copies anything not made for the
learner, see `handover`), so a learner cannot mutate them; learner-loaded
models are compared against them. What a check hands to learner code is a
private copy (`private_copy`, `private_tokenizer`, `for_learner`,
`learners_copy`) or a model of its own (`fresh_model`): whatever the learner
does to it stays there.
"""

from __future__ import annotations

import weakref
from functools import cache
from typing import Any

from autokata import zoo
from autokata.kit import handover


def checkpoint(name: str) -> str:
    """The path string a learner's function receives for a zoo checkpoint."""
    return str(zoo.path(name))


def _load_tokenizer(path: str) -> Any:
    """`AutoTokenizer.from_pretrained(path)`, on every transformers release pyproject admits.

    transformers 5.0 crashes inside AutoTokenizer (`'NoneType' object has no attribute
    'replace'`) on a checkpoint whose model type has no tokenizer class registered without
    sentencepiece (Marian) but whose tokenizer_config names one; later releases load the class
    the checkpoint names. Load that class here too, so a check never fails for the library's
    version.
    """
    import json
    from pathlib import Path

    import transformers

    try:
        return transformers.AutoTokenizer.from_pretrained(path)
    except AttributeError:
        declared = json.loads((Path(path) / "tokenizer_config.json").read_text()).get("tokenizer_class")
        if not declared or not hasattr(transformers, declared):
            raise
        return getattr(transformers, declared).from_pretrained(path)


@cache
def tokenizer(name: str) -> Any:
    return _load_tokenizer(checkpoint(name))


@cache
def reference(auto_class_name: str, name: str, **kwargs: Any) -> Any:
    """A reference model loaded by the check itself (eval mode, shared, never mutated)."""
    import transformers

    auto_class = getattr(transformers, auto_class_name)
    return auto_class.from_pretrained(checkpoint(name), **kwargs).eval()


def private_copy(auto_class_name: str, name: str, **kwargs: Any) -> Any:
    """A copy of a reference model that a check may change and hand to learner code:
    whatever the check (re-seeded heads) or the learner (`train()`, an edited
    generation config) does to it, the shared reference stays untouched."""
    return for_learner(reference(auto_class_name, name, **kwargs)).eval()


def private_tokenizer(name: str) -> Any:
    """A tokenizer of the learner's own, which it may give a pad token or a padding side
    without touching the shared one the references use: a deep copy of that one, the same
    as a fresh load on every zoo tokenizer (and a third of its cost; checks make hundreds)."""
    import copy

    return handover.give(copy.deepcopy(tokenizer(name)))


def for_learner(model: Any) -> Any:
    """A private copy of a check's model, to hand to learner code: whatever the learner does to it
    (casts, edited label maps) stays in the copy, and the check's model keeps scoring references."""
    import copy

    return handover.give(copy.deepcopy(model))


#: The learner's copy of each model a check made itself, while that model lives.
_COPIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def learners_copy(model: Any) -> Any:
    """The learner's one private copy of a model the check made itself (say, one per drawn
    example), made at the first call and handed to every later call: the learner works on one
    model across its calls, as in real use, and the copy crosses to the learner process once
    instead of once per call. Not for shared references: their copy would outlive the check
    (`private_copy` gives a new one each time)."""
    copied = _COPIES.get(model)
    if copied is None:
        copied = _COPIES[model] = for_learner(model)
    return copied


def fresh_model(auto_class_name: str, name: str) -> Any:
    """A model of its own, loaded from a checkpoint whose head is saved (same weights every load)."""
    import transformers

    return getattr(transformers, auto_class_name).from_pretrained(checkpoint(name)).eval()
