"""Hidden checks for kata 34: a decoder classifier finds each row's last real token through pad_token_id."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, forward_passes, heads, loading, returns
from autokata.kit import strategies as s
from autokata.kit.outcomes import Plain

ANSWER = (
    "AutoModelForSequenceClassification",
    "num_labels",
    "pad_token_id",
    "pad_token",
    "eos_token",
    "eos_token_id",
    "padding_side",
)

LESSON = """
AutoModelForSequenceClassification works on decoders too (GPT2ForSequenceClassification,
LlamaForSequenceClassification, Qwen2ForSequenceClassification): it puts a linear head with num_labels
outputs on one position of the last hidden layer. An encoder may use its first token, which has read
the whole text; a decoder's first token has read nothing yet, so the head reads each row's last real
token, the only one that has seen every word. To find it in a padded batch the model looks for
config.pad_token_id in input_ids: the last position before the first pad id.

Two things go wrong with decoders. Their tokenizers often have no pad token (GPT-2, Llama), so padding
a batch raises "Asking to pad but the tokenizer does not have a padding token": reuse the end-of-text
token, tokenizer.pad_token = tokenizer.eos_token. And the model must know the pad id as well: with
config.pad_token_id None it refuses any batch of more than one text ("Cannot handle batch sizes > 1 if
no padding token is defined"). Give it when you load:
AutoModelForSequenceClassification.from_pretrained(path, num_labels=n, pad_token_id=pad), with pad the
tokenizer's pad_token_id or, if it has none, its eos_token_id, so the model looks for the very id the
tokenizer pads with. Setting it later, inside the prediction code, leaves the loaded model unusable on
its own: every function must return something correct by itself.

One more trap: GPT-2 numbers positions absolutely, so padding_side="left" shifts every real token of a
short text to other positions and changes its prediction; pad on the right (GPT-2's default; Llama's
tokenizer defaults to the left) and let the pad id tell the model where each row ends. Run all texts
in one call, tokenizer(texts, padding=True, return_tensors="pt"), and return logits.argmax(-1).tolist().

The checks: the loaded model must carry the checkpoint's weights and num_labels outputs; fed alone a
right-padded batch (padded with the tokenizer's pad token, or EOS), each row must get the scores its
text gets alone; predict_batch, given a ready model and a tokenizer that may lack a pad token, must run
one batch and give each text the label it gets alone (on a head made decisive for the test).
"""

HINTS = (
    "The classifier class is the same as for encoders; what differs is padding: the model must know "
    "from the start which id is padding, and the tokenizer must have a padding token to pad with.",
    "Load with `AutoModelForSequenceClassification.from_pretrained(path, num_labels=..., pad_token_id=...)`, "
    "taking the id from the tokenizer's pad token or, if it has none, its EOS token.",
    "In `predict_batch`: `if tokenizer.pad_token is None: tokenizer.pad_token = tokenizer.eos_token`, then "
    "`tokenizer(texts, padding=True, return_tensors=\"pt\")` and `logits.argmax(-1).tolist()`.",
)

HEAD_LESSON = (
    "The class you loaded has no such head: a classifier needs one output per label for the whole text, "
    "read at the last real token, and this class gives next-token scores or bare hidden states instead."
)
NUM_LABELS_LESSON = "The head should have one output per label: as many outputs as the label count you were given."
NO_PAD_LESSON = (
    "The tokenizer has no padding token, so it cannot pad a batch of texts of different lengths. "
    "Decoder tokenizers often lack one: a token the model already knows has to serve as padding."
)
PAD_ID_LESSON = (
    "The tokenizer pads, but the model does not know the pad id, so it cannot find each row's last real "
    "token and refuses a batch of more than one text. The model has to know it from the moment it is "
    "loaded: the tokenizer knowing it is not enough."
)
LATE_PAD_ID_LESSON = (
    "The model your loader returns refuses a padded batch on its own: it does not know which id is "
    "padding. Your `predict_batch` tells it later, but each function is judged on what it returns: "
    "the loaded model must be ready for padded batches before any other code touches it."
)
LOADED_REFUSES_LESSON = (
    "The model your loader returns could not read a right-padded batch on its own (the check padded "
    "with the tokenizer's padding token, or its end-of-text token when it has none)."
)
LOADED_VALUE_LESSON = (
    "The model your loader returns gives some rows of a right-padded batch other scores than their texts "
    "get alone: it does not read each row at its last real token."
)
NO_PADDING_LESSON = (
    "Texts of different lengths give rows of different lengths, and a tensor needs them equal: tokenize "
    "the batch so that the tokenizer pads the short rows (the pad id then tells the model where each row "
    "really ends)."
)
MISMATCH_LESSON = (
    "The model looks for pad id {model_pad} but the tokenizer pads with id {tokenizer_pad}, so short "
    "rows are read at a padding position. The two ids must be the same."
)
LEFT_PAD_LESSON = (
    "You padded on the left. GPT-2 numbers positions absolutely, so left padding moves every real token "
    "of a short text to other positions and changes its prediction; pad on the right (the default), "
    "the pad id tells the model where each row ends."
)
ONE_AT_A_TIME_LESSON = (
    "`predict_batch` never ran the texts as one batch (the model saw {sizes}). Padding, and the pad id "
    "that makes it safe, is what this kata is about: tokenize all texts together, padded, and run them "
    "in one forward pass."
)
VALUE_LESSON = "Some texts get a different label in your batch than when the model reads them alone."


def _label_alone(model: Any, name: str, text: str) -> int:
    """The label the model gives a text on its own: no padding, nothing to find."""
    import torch

    with torch.no_grad():
        return int(model(**checkpoints.tokenizer(name)(text, return_tensors="pt")).logits[0].argmax())


def _load(attempt: Any, name: str, num_labels: int) -> Any:
    from transformers import AutoModelForSequenceClassification

    model = attempt.load_causal_classifier(checkpoints.checkpoint(name), num_labels)
    model = loading.expect_model(model, "load_causal_classifier", name)
    loading.expect_class(model, AutoModelForSequenceClassification, name, HEAD_LESSON)
    return model


@check("load_causal_classifier loads the decoder's weights under a head of num_labels outputs",
       family=zoo.DECODERS)
def loads_a_classifier(attempt, name):
    @given(num_labels=st.integers(2, 6))
    def prop(num_labels):
        model = _load(attempt, name, num_labels)
        loading.expect_loaded(model, name)
        if model.config.num_labels != num_labels:
            fail(NUM_LABELS_LESSON, on=name, drawn_labels=num_labels, got=model.config.num_labels)

    prop()


def _padding_tokenizer(name: str) -> Any:
    """The checkpoint's tokenizer made able to pad, on the right: what the kata says the model must read."""
    tokenizer = checkpoints.private_tokenizer(name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    return tokenizer


def _no_pad_id_lesson(attempt: Any, model: Any, name: str, texts: list[str]) -> str:
    """Does the learner's predict_batch hand the model its pad id later? Then say so."""
    from autokata.kit.outcomes import NotStarted

    tokenizer = checkpoints.private_tokenizer(name)
    tokenizer.padding_side = "right"
    try:
        forward_passes.run(attempt.predict_batch, model, tokenizer, list(texts), model=model)
    except NotStarted:  # predict_batch not written yet: the loader's model is judged alone
        return PAD_ID_LESSON
    return LATE_PAD_ID_LESSON if model.config.pad_token_id is not None else PAD_ID_LESSON


@check("the model load_causal_classifier returns reads a right-padded batch on its own", family=zoo.DECODERS)
def loaded_model_reads_a_padded_batch(attempt, name):
    import torch

    model = _load(attempt, name, 3).eval()
    tokenizer = _padding_tokenizer(name)

    @given(texts=s.uneven_batches())
    def prop(texts):
        model_pad = model.config.pad_token_id
        shown = dict(on=name, texts=texts, padded_with=Plain(f"{tokenizer.pad_token!r} (id {tokenizer.pad_token_id})"),
                     model_pad_id=model_pad)
        batch = tokenizer(list(texts), padding=True, return_tensors="pt")
        try:
            with torch.no_grad():
                together = model(**batch).logits
        except Exception as error:
            if model_pad is None:
                fail(_no_pad_id_lesson(attempt, model, name, texts), **shown)
            fail(LOADED_REFUSES_LESSON, **shown, the_model_raised=f"{type(error).__name__}: {error}".splitlines()[0])
        with torch.no_grad():
            alone = [model(**tokenizer(text, return_tensors="pt")).logits[0] for text in texts]
        if all(torch.allclose(row.float(), one.float(), atol=1e-4) for row, one in zip(together, alone)):
            return
        if model_pad is None:
            fail(_no_pad_id_lesson(attempt, model, name, texts), **shown)
        if model_pad != tokenizer.pad_token_id:
            fail(MISMATCH_LESSON.format(model_pad=model_pad, tokenizer_pad=tokenizer.pad_token_id), **shown)
        fail(LOADED_VALUE_LESSON, **shown)

    prop()


def _ready_classifier(name: str, num_labels: int) -> Any:
    """A classifier of the check's own, ready for padded batches, with a decisive head."""
    from transformers import AutoModelForSequenceClassification

    tokenizer = checkpoints.tokenizer(name)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    model = AutoModelForSequenceClassification.from_pretrained(
        checkpoints.checkpoint(name), num_labels=num_labels, pad_token_id=pad
    ).eval()
    heads.sharpen_head(model, seed=34)
    return model


def _explain_crash(outcome: forward_passes.Run, model: Any, tokenizer: Any, **shown: Any) -> None:
    if outcome.crash is None:
        return
    shown["your_code_raised"] = outcome.crash_line
    if not outcome.inputs and tokenizer.pad_token is None:
        fail(NO_PAD_LESSON, **shown)
    if not outcome.inputs and "padding=True" in outcome.crash_line:
        fail(NO_PADDING_LESSON, **shown)
    if outcome.inputs and model.config.pad_token_id is None:
        fail(PAD_ID_LESSON, **shown)
    outcome.result()


def _explain_difference(model: Any, tokenizer: Any, name: str, **shown: Any) -> None:
    model_pad, tokenizer_pad = model.config.pad_token_id, tokenizer.pad_token_id
    if model_pad != tokenizer_pad:
        fail(MISMATCH_LESSON.format(model_pad=model_pad, tokenizer_pad=tokenizer_pad), **shown)
    if tokenizer.padding_side == "left":
        fail(LEFT_PAD_LESSON, **shown)
    fail(VALUE_LESSON, **shown)


@check("predict_batch on a padded batch gives each text the label it gets alone", family=zoo.DECODERS)
def batch_equals_one_at_a_time(attempt, name):
    # Judged on its own: the model is the check's, ready for padded batches, whatever the loader does.
    model = _ready_classifier(name, 4)

    @given(texts=s.uneven_batches())
    def prop(texts):
        tokenizer = checkpoints.private_tokenizer(name)
        # Padding on the right, as the kata asks: the pad id alone must then tell each row's end
        # (left padding would keep every row's last token real and hide a wrong pad id).
        tokenizer.padding_side = "right"
        shown = dict(on=name, texts=texts)
        outcome = forward_passes.run(attempt.predict_batch, model, tokenizer, list(texts), model=model)
        _explain_crash(outcome, model, tokenizer, **shown)
        got = returns.expect_int_list(outcome.value, len(texts), "predict_batch", name, texts=texts)
        if not any(ids.shape[0] == len(texts) for ids in outcome.inputs):
            sizes = sorted({tuple(ids.shape) for ids in outcome.inputs}) or "nothing"
            fail(ONE_AT_A_TIME_LESSON.format(sizes=sizes), **shown)
        alone = [_label_alone(model, name, text) for text in texts]
        if got != alone:
            _explain_difference(model, tokenizer, name, **shown, expected=alone, got=got)

    prop()
