"""Hidden checks for kata 34: a decoder classifier finds each row's last real token through pad_token_id."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit import track_de as de

HINTS = (
    "The classifier class is the same as for encoders; what differs is padding: the model must be told "
    "which id is padding, and the tokenizer must have a pad token to pad with.",
    "Load with `AutoModelForSequenceClassification.from_pretrained(path, num_labels=..., pad_token_id=...)`, "
    "taking the id from the tokenizer's pad token or, if it has none, its EOS token.",
    "In `predict_batch`: `if tokenizer.pad_token is None: tokenizer.pad_token = tokenizer.eos_token`, then "
    "`tokenizer(texts, padding=True, return_tensors=\"pt\")` and `logits.argmax(-1).tolist()`.",
)

HEAD_LESSON = (
    "A classifier needs AutoModelForSequenceClassification: it puts a head with one output per label on "
    "the last real token. The class you loaded has no such head."
)
NUM_LABELS_LESSON = "The head should have one output per label: pass `num_labels` when you load."
NO_PAD_LESSON = (
    "The tokenizer has no padding token, so it cannot pad a batch of texts of different lengths. "
    "Decoder tokenizers often lack one: reuse the end-of-text token (`tokenizer.pad_token = "
    "tokenizer.eos_token`)."
)
PAD_ID_LESSON = (
    "The tokenizer pads, but the model does not know the pad id (`model.config.pad_token_id` is None), "
    "so it cannot find each row's last real token and refuses a batch. Give the model the pad id when "
    "you load it (`pad_token_id=...`)."
)
NO_PADDING_LESSON = (
    "Texts of different lengths give rows of different lengths, and a tensor needs them equal: tokenize "
    "the batch with `padding=True` (the pad id then tells the model where each row really ends)."
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
    "that makes it safe, is what this kata is about: tokenize all texts together with `padding=True`."
)
VALUE_LESSON = "Some texts get a different label in your batch than when the model reads them alone."


def _label_alone(model: Any, name: str, text: str) -> int:
    """The label the model gives a text on its own: no padding, nothing to find."""
    import torch

    with torch.no_grad():
        return int(model(**m.tokenizer(name)(text, return_tensors="pt")).logits[0].argmax())


def _load(attempt: Any, name: str, num_labels: int) -> Any:
    from transformers import AutoModelForSequenceClassification

    model = attempt.load_causal_classifier(m.checkpoint(name), num_labels)
    model = m.expect_model(model, "load_causal_classifier", name)
    m.expect_class(model, AutoModelForSequenceClassification, name, HEAD_LESSON)
    return model


@check("load_causal_classifier loads the decoder's weights under a head of num_labels outputs",
       family=zoo.DECODERS)
def loads_a_classifier(attempt, name):
    @given(num_labels=st.integers(2, 6))
    def prop(num_labels):
        model = _load(attempt, name, num_labels)
        m.expect_loaded(model, name)
        if model.config.num_labels != num_labels:
            fail(NUM_LABELS_LESSON, on=name, drawn_labels=num_labels, got=model.config.num_labels)

    prop()


def _explain_crash(outcome: de.Run, model: Any, tokenizer: Any, **shown: Any) -> None:
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
    model = _load(attempt, name, 4)
    m.sharpen_head(model, seed=34)

    @given(texts=s.uneven_batches())
    def prop(texts):
        tokenizer = de.fresh_tokenizer(name)
        # Padding on the right, as the kata asks: the pad id alone must then tell each row's end
        # (left padding would keep every row's last token real and hide a wrong pad id).
        tokenizer.padding_side = "right"
        shown = dict(on=name, texts=texts)
        outcome = de.run(attempt.predict_batch, model, tokenizer, list(texts), model=model)
        _explain_crash(outcome, model, tokenizer, **shown)
        got = de.expect_int_list(outcome.value, len(texts), "predict_batch", name, texts=texts)
        if not any(ids.shape[0] == len(texts) for ids in outcome.inputs):
            sizes = sorted({tuple(ids.shape) for ids in outcome.inputs}) or "nothing"
            fail(ONE_AT_A_TIME_LESSON.format(sizes=sizes), **shown)
        alone = [_label_alone(model, name, text) for text in texts]
        if got != alone:
            _explain_difference(model, tokenizer, name, **shown, expected=alone, got=got)

    prop()
