"""Hidden checks for kata 35: texts far over the limit are cut to the model's length, in tokens."""

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
    "The tokenizer knows how many tokens the model takes and can cut the text for you.",
    "`tokenizer(text, truncation=True, return_tensors=\"pt\")` stops at `tokenizer.model_max_length` "
    "tokens, special tokens included.",
    "Run the model on that batch and return `int(logits.argmax(-1))`. Don't cut with "
    "`max_position_embeddings`: RoBERTa's table is two longer than what it can read.",
)

NO_TRUNCATION_LESSON = (
    "You fed the whole text: {got} tokens, more positions than the model has ({limit}). Truncate when "
    "you tokenize (`truncation=True`), so the input stops at `tokenizer.model_max_length` (a "
    "`max_length` of your own, such as BERT's 512, can be more than this model takes)."
)
POSITIONS_LESSON = (
    "You cut at `max_position_embeddings` ({got}), but this model reads at most {limit} tokens: "
    "RoBERTa-style models keep the first positions for padding, so their table is longer than their "
    "input. Cut at `tokenizer.model_max_length`."
)
TOO_LONG_LESSON = (
    "The model got {got} tokens, more than the {limit} it can read. Cut at `tokenizer.model_max_length`, "
    "the limit the tokenizer knows, not at a number of your own."
)
TOO_SHORT_LESSON = (
    "The model saw only {got} tokens of a text long enough to fill all {limit}: cutting characters or "
    "words (or a smaller `max_length`) says nothing about tokens and throws away text the model could "
    "read. Let the tokenizer cut in tokens (`truncation=True`)."
)
KEPT_THE_END_LESSON = (
    "You kept the end of the text; the kata keeps its beginning, the tokenizer's default "
    "(`truncation_side=\"right\"` cuts off the end)."
)
OTHER_INPUT_LESSON = (
    "The model saw {got} tokens, the right length, but not the tokenizer's first {limit} tokens of the "
    "text with its special tokens. Tokenize the text itself with `truncation=True`."
)
NOT_RUN_LESSON = "`classify_long` never ran the model on the text: the label must come from the model's logits."
VALUE_LESSON = "Your label is not the argmax of the model's logits for the truncated text."


def _long_texts() -> st.SearchStrategy[str]:
    """Texts of 150-300 words: well over 128 tokens with every tiny tokenizer."""
    return st.lists(s.words(), min_size=150, max_size=300).map(" ".join)


def _lesson_for_input(seen: Any, model: Any, name: str, text: str) -> str | None:
    """None when the model saw exactly the reference input; else the lesson for what it saw."""
    import torch

    tokenizer = m.tokenizer(name)
    limit = tokenizer.model_max_length
    right = tokenizer(text, truncation=True, return_tensors="pt")["input_ids"]
    if seen.shape == right.shape and torch.equal(seen, right):
        return None
    got = seen.shape[-1]
    if got > limit and got == model.config.max_position_embeddings:
        return POSITIONS_LESSON.format(got=got, limit=limit)
    if got > limit and got == len(tokenizer(text)["input_ids"]):
        return NO_TRUNCATION_LESSON.format(got=got, limit=limit)
    if got > limit:
        return TOO_LONG_LESSON.format(got=got, limit=limit)
    if got < limit:
        return TOO_SHORT_LESSON.format(got=got, limit=limit)
    cuts_the_start = de.fresh_tokenizer(name)
    cuts_the_start.truncation_side = "left"
    end = cuts_the_start(text, truncation=True, return_tensors="pt")["input_ids"]
    if seen.shape == end.shape and torch.equal(seen, end):
        return KEPT_THE_END_LESSON
    return OTHER_INPUT_LESSON.format(got=got, limit=limit)


def _expected(name: str, text: str) -> int:
    import torch

    batch = m.tokenizer(name)(text, truncation=True, return_tensors="pt")
    with torch.no_grad():
        return int(m.reference("AutoModelForSequenceClassification", name)(**batch).logits[0].argmax())


@check("classify_long cuts a long text to the model's limit in tokens and classifies what is left",
       family=zoo.THREE_LABELS)
def classifies_the_first_tokens(attempt, name):
    model = de.fresh_model("AutoModelForSequenceClassification", name)

    @given(text=_long_texts())
    def prop(text):
        shown = dict(on=name, text=text[:80] + "…", text_words=len(text.split()))
        outcome = de.run(attempt.classify_long, model, de.fresh_tokenizer(name), text, model=model)
        if outcome.crash is not None:
            shown["your_code_raised"] = outcome.crash_line
        if outcome.inputs:
            lesson = _lesson_for_input(outcome.inputs[0], model, name, text)
            if lesson:
                fail(lesson, **shown)
        got = de.expect_int(outcome.result(), "classify_long", name)
        if not outcome.inputs:
            fail(NOT_RUN_LESSON, **shown)
        expected = _expected(name, text)
        if got != expected:
            fail(VALUE_LESSON, **shown, expected=expected, got=got)

    prop()
