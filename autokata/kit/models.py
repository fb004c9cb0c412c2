"""Zoo-side helpers shared by checks: reference loads, class and weight proofs.

References are loaded once per process and never handed to learner code (the
attempt proxy copies anything not made for the learner, see `handover`), so a
learner cannot mutate them; learner-loaded models are compared against them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from autokata import zoo
from autokata.kit import handover
from autokata.kit.outcomes import fail


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
    import copy

    return handover.give(copy.deepcopy(reference(auto_class_name, name, **kwargs)).eval())


def private_tokenizer(name: str) -> Any:
    """A freshly loaded tokenizer for learner code, which may set a pad token or a
    padding side on it without touching the shared one the references use."""
    return handover.give(_load_tokenizer(checkpoint(name)))


def expected_class(auto_class: Any, name: str) -> type:
    """The model class an Auto class resolves to for a checkpoint's config."""
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(checkpoint(name))
    return auto_class._model_mapping[type(config)]


def expect_model(value: Any, function: str, name: str) -> Any:
    """A learner's loader must return a model object (not a tuple, a path or None)."""
    from transformers import PreTrainedModel

    if isinstance(value, PreTrainedModel):
        return value
    fail(
        f"`{function}` should return the loaded model itself (a transformers model object).",
        on=name,
        got=f"{type(value).__name__}: {value!r}"[:200],
    )


HARD_CODED_LESSON = (
    "`{got}` is one architecture's own class, so it cannot load every checkpoint: it is built for "
    "another architecture's config than this checkpoint's. An Auto class reads the checkpoint's config "
    "and picks the right class for you."
)


def expect_class(model: Any, auto_class: Any, name: str, lesson: str) -> None:
    """The learner's model must be exactly the class `auto_class` gives for the checkpoint.

    A class of another architecture (a hard-coded `BertModel` on a RoBERTa
    checkpoint) gets its own lesson; any other mismatch gets `lesson`. The
    message shows what the learner's model is and what it lacks, never the
    class the kata asks for (that name is the answer).
    """
    wanted = expected_class(auto_class, name)
    got = type(model)
    if got is wanted:
        return
    made_for = getattr(got, "config_class", None)
    if made_for is not wanted.config_class:
        fail(
            HARD_CODED_LESSON.format(got=got.__name__),
            on=name,
            got_class=got.__name__,
            it_is_built_for=getattr(made_for, "__name__", "no config class"),
            the_checkpoint_config_is=wanted.config_class.__name__,
        )
    fail(lesson, on=name, got_class=got.__name__)


def same_weights(model: Any, name: str) -> bool:
    """Do the input embeddings equal the checkpoint's? (False for from_config / random init.)"""
    import torch

    base = reference("AutoModel", name)
    mine = model.get_input_embeddings().weight.detach().float()
    theirs = base.get_input_embeddings().weight.detach().float()
    return mine.shape == theirs.shape and torch.equal(mine, theirs)


LOW_PRECISION_LESSON = (
    "Your model holds its weights in {dtype}, a lower precision than the checkpoint's {stored}: every "
    "weight was rounded on the way, so none is the checkpoint's value any more. Keep the weights in the "
    "precision the checkpoint stores them in."
)
RANDOM_WEIGHTS_LESSON = (
    "Your model's weights are not the checkpoint's: they are randomly initialised, as in a model built "
    "from a configuration alone or from the class itself. The weights the checkpoint learned are stored "
    "in the folder at `path`: a model made without reading them starts from scratch."
)


def low_precision(model: Any, name: str) -> list[str]:
    """The floating dtypes of `model`'s parameters that hold fewer bits than the checkpoint's weights."""
    stored = reference("AutoModel", name).get_input_embeddings().weight.dtype
    return sorted(
        {str(p.dtype) for p in model.parameters() if p.is_floating_point() and p.dtype.itemsize < stored.itemsize}
    )


def expect_loaded(model: Any, name: str) -> None:
    """The learner's model must hold the checkpoint's trained weights, in the checkpoint's precision.

    Precision comes first: weights cast to float16/bfloat16 never equal the
    checkpoint's, and "randomly initialised" would be untrue for them.
    """
    low = low_precision(model, name)
    if low:
        stored = reference("AutoModel", name).get_input_embeddings().weight.dtype
        fail(LOW_PRECISION_LESSON.format(dtype=", ".join(low), stored=stored), on=name, got_dtypes=low)
    if not same_weights(model, name):
        fail(RANDOM_WEIGHTS_LESSON, on=name)


def head_parameters(model: Any) -> dict[str, Any]:
    """Parameters outside the base model: the task head."""
    base_ids = {id(p) for p in model.base_model.parameters()}
    return {n: p for n, p in model.named_parameters() if id(p) not in base_ids}


def sharpen_head(model: Any, seed: int = 0, std: float = 0.6) -> None:
    """Re-initialise the task head, seeded and with a large variance.

    Tiny random heads give near-constant argmax outputs (every text 'positive'),
    which hides wrong answers; a wide seeded head spreads decisions across labels.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for _, parameter in sorted(head_parameters(model).items()):
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * std)
