"""Hidden checks for kata 31: bidirectional or causal, decided by an experiment on the model itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, forward_passes

ANSWER = ("output_hidden_states", "hidden_states", "last_hidden_state", "allclose")

LESSON = """
Whether a model sees the future is a property of the attention mask it really uses, and the only
answer that holds for every model is an experiment on the model itself.

Tokenize a sentence, run the model, then change one real word near the end (not a special token the
tokenizer added) and run it again. Compare the outputs at the positions *before* the one you changed:
if any of them moved, information flowed from right to left, so the model reads both sides (a masked
LM: BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT, DeBERTa-v2). If none moved, it attends only to the left
(a causal LM: GPT-2, Llama, Qwen2, Mistral, or a BERT configured as a decoder). The changed position itself always moves,
whatever the attention, so it proves nothing.

Compare hidden states, not logits: the model may be bare (AutoModel has no logits at all) or carry a
language-model head. Run it with output_hidden_states=True and take hidden_states[-1] (the same as
last_hidden_state of a bare model). Decide with a tolerance, torch.allclose(before[0, :last],
after[0, :last], atol=1e-5): in a tiny random model a position that looks ahead may move by only about
1e-4, while a causal model's earlier positions stay equal up to float noise.

Pitfalls: `config.is_decoder` is not set by GPT-2, Llama or Qwen2 although they are causal, and many
configs have no such field; a class name can go either way (BertLMHeadModel on a plain BERT
checkpoint still reads both sides). Attention maps (output_attentions=True) do not help in
transformers 5: attention runs through SDPA by default, which computes no attention weights, so the
`attentions` you get back are an empty tuple (a model loaded with attn_implementation="eager" has
them, but you are handed the model as it is). The check hands you every zoo checkpoint through
AutoModel, AutoModelForMaskedLM and AutoModelForCausalLM where they accept it, records the model's
forward passes, and compares your answer with its own experiment.
"""

HINTS = (
    "Don't ask the config or the class name: run the model. If changing a late token moves the output "
    "at an earlier position, the model looked ahead.",
    "Tokenize one sentence; copy its ids and replace its last real word (not a special token) with "
    "another word's id; run both with `output_hidden_states=True` and take `.hidden_states[-1]`: a bare "
    "model has no logits.",
    "If you changed position `last`, compare every position before it: "
    "`not torch.allclose(before[0, :last], after[0, :last], atol=1e-5)`.",
)

CRASH_LESSON = (
    "Your function crashed before it ran the model, so it was reading a field instead of running an "
    "experiment. Config fields differ between architectures (many configs have no `is_decoder` at all); "
    "only the model's behaviour answers the question for every model."
)
IS_DECODER_LESSON = (
    "`config.is_decoder` does not tell you whether a model looks ahead: GPT-2, Llama and Qwen2 attend "
    "only to the left without ever setting it. Run the model and watch an earlier position instead."
)
NAME_LESSON = (
    "The class name cannot decide this: the same class reads both sides on one checkpoint and only the "
    "left on another (it depends on the attention mask the config asks for). You answered without "
    "running the model; run it and watch an earlier position."
)
NO_EXPERIMENT_LESSON = (
    "Your answer is right for this model, but you never ran it: a lookup that happens to be right here "
    "is wrong on other models. The kata asks you to decide by an experiment."
)
EXPERIMENT_LESSON = (
    "Your experiment gives the wrong answer. Change a token near the end and compare the outputs at a "
    "position before the token you changed: the changed position itself always moves, whatever the "
    "attention, and the earlier ones move only if the model looks ahead. Keep the tolerance tight "
    "(well below 1e-4): in a small model the earlier positions may move only a little."
)
ATTENTIONS_LESSON = (
    "You asked for attention maps (`output_attentions=True`), but in transformers 5 attention runs "
    "through SDPA by default, and SDPA computes no attention weights: `attentions` comes back as an "
    "empty tuple, whatever the model. Only a model loaded with eager attention has them, and you are "
    "handed the model as it is. Watch what the model outputs instead."
)
TYPE_LESSON = "`sees_the_future` should return a plain bool (True or False)."

_FAMILY = zoo.ENCODERS + zoo.DECODERS + (zoo.CAUSAL_BERT,)
#: The learner gets each checkpoint through every one of these that accepts it,
#: so neither the class nor the head can stand in for the experiment.
_AUTO_CLASSES = ("AutoModel", "AutoModelForMaskedLM", "AutoModelForCausalLM")
_PROBE = "the cat sat on the mat and looked at the bird"


def _models(name: str) -> Iterator[tuple[str, Any, Any]]:
    """Per Auto class that accepts the checkpoint: its name, a private copy for the learner (who may
    change it) and the shared reference the check's own experiment runs on."""
    import transformers
    from transformers import AutoConfig

    config_class = type(AutoConfig.from_pretrained(checkpoints.checkpoint(name)))
    for auto_name in _AUTO_CLASSES:
        if config_class in getattr(transformers, auto_name)._model_mapping:
            yield auto_name, checkpoints.private_copy(auto_name, name), checkpoints.reference(auto_name, name)


def _looks_ahead(model: Any, tokenizer: Any) -> tuple[bool, float]:
    """The check's own experiment: turn the last real word into the first one; do earlier positions move?"""
    import torch

    ids = tokenizer(_PROBE, return_tensors="pt")["input_ids"]
    special = set(tokenizer.all_special_ids)
    real = [i for i, token in enumerate(ids[0].tolist()) if token not in special]
    first, last = real[0], real[-1]
    changed = ids.clone()
    changed[0, last] = ids[0, first]
    with torch.no_grad():
        before = model(input_ids=ids, output_hidden_states=True).hidden_states[-1][0]
        after = model(input_ids=changed, output_hidden_states=True).hidden_states[-1][0]
    if torch.allclose(before[last], after[last]):
        raise RuntimeError(f"the probe's change did not reach the model on {type(model).__name__}")
    moved = float((before[:last] - after[:last]).abs().max())
    return moved > 1e-4, moved


def _expect_bool(value: Any, **shown: Any) -> bool:
    import numpy

    if isinstance(value, (bool, numpy.bool_)):
        return bool(value)
    hint = " (a one-element tensor: call `.item()` on it)" if type(value).__name__ == "Tensor" else ""
    fail(TYPE_LESSON + hint, **shown, got=f"{type(value).__name__}: {value!r}"[:200])


@check("sees_the_future decides by experiment, on every encoder and decoder and through every head",
       family=_FAMILY)
def decides_by_experiment(attempt, name):
    for auto_name, model, reference in _models(name):
        shown = dict(on=name, loaded_with=auto_name, model_class=type(model).__name__)
        outcome = forward_passes.run(attempt.sees_the_future, model, checkpoints.private_tokenizer(name), model=model)
        ran = bool(outcome.inputs)
        if outcome.asked_for("output_attentions") and outcome.crash is not None:
            fail(ATTENTIONS_LESSON, **shown, your_code_raised=outcome.crash_line or "(nothing)")
        if outcome.crash is not None and not ran:
            fail(CRASH_LESSON, **shown, your_code_raised=outcome.crash_line)
        got = _expect_bool(outcome.result(), **shown)
        truth, moved = _looks_ahead(reference, checkpoints.tokenizer(name))
        shown.update(expected=truth, got=got)
        if ran and got != truth and outcome.asked_for("output_attentions"):
            fail(ATTENTIONS_LESSON, **shown)
        if ran and got != truth:
            fail(EXPERIMENT_LESSON, **shown, largest_change_at_earlier_positions=round(moved, 6))
        if not ran and got != truth:
            says_decoder = bool(getattr(reference.config, "is_decoder", False))
            fail(IS_DECODER_LESSON if got is not says_decoder else NAME_LESSON, **shown,
                 config_is_decoder=getattr(reference.config, "is_decoder", "(not set)"))
        if not ran:
            fail(NO_EXPERIMENT_LESSON, **shown)
