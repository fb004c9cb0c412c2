"""Hidden checks for kata 35: texts far over the limit are cut to the model's length, in tokens."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.zoo.corpus import RARE_WORDS, WORDS
from autokata.kit import check, fail
from autokata.kit import checkpoints, forward_passes, returns
from autokata.kit import strategies as s

ANSWER = ("truncation", "max_length", "model_max_length", "truncation_side", "max_position_embeddings")

LESSON = """
A model reads at most as many tokens as it has learned positions; more, and the position lookup runs
off the end of its table (IndexError) or another layer fails on a shape. So a long text must be cut,
and cut in tokens: the tokenizer does it as it tokenizes, tokenizer(text, truncation=True,
return_tensors="pt"). truncation=True stops at max_length, which defaults to
tokenizer.model_max_length, the number of tokens the model accepts; it keeps the beginning (the
default truncation_side="right" cuts off the end) and leaves room for the special tokens ([CLS] and
[SEP], <s> and </s>), which count towards the limit. Then run the model once and return
int(logits.argmax(-1)).

Pitfalls. Characters and words are the wrong unit: a rare word becomes several tokens and every text
gets its special tokens, so a budget of model_max_length words overshoots the limit and crashes, and a
budget of characters wastes most of it. model.config.max_position_embeddings is not always the usable
length: RoBERTa-style models number positions after the padding index, so their table is two longer
than what they read (roberta-base: 514 positions, model_max_length 512); cutting there crashes on
RoBERTa. A max_length of your own (512 from BERT-base) is not this model's limit. Reading the rest of
the text in chunks and averaging the chunks' scores is another classifier than the one asked for; and
padding a single text to a fixed length without passing its attention mask makes the model read the
padding as text.

The check draws short and long texts, watches every forward pass (ids and attention mask) and requires
each to be exactly the tokenizer's truncated encoding of the text (padding allowed only where the mask
hides it), on BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT and DeBERTa-v2 classifiers.
"""

HINTS = (
    "The tokenizer knows how many tokens this model accepts and can cut the text for you while it "
    "tokenizes, special tokens included.",
    "`tokenizer(text, truncation=True, return_tensors=\"pt\")` stops at `tokenizer.model_max_length` "
    "tokens, special tokens included.",
    "Run the model once on that batch and return `int(logits.argmax(-1))`. Don't cut with "
    "`max_position_embeddings`: RoBERTa's table is two longer than what it can read.",
)

NO_TRUNCATION_LESSON = (
    "You fed the whole text: {got} tokens, more positions than the model has ({limit}). The text has to "
    "be cut, in tokens, to what this model accepts; a limit of your own (BERT-base's 512, say) can be "
    "more than this model takes. The tokenizer knows this model's limit and can cut as it tokenizes."
)
POSITIONS_LESSON = (
    "You cut at `max_position_embeddings` ({got}), but this model reads at most {limit} tokens: "
    "RoBERTa-style models keep the first positions for padding, so their table is longer than their "
    "input. The number of tokens a model accepts is what its tokenizer knows, not the table's size."
)
WORDS_LESSON = (
    "You cut the text to its first {words} words, and the tokenizer made {got} tokens of them where the "
    "model reads {limit}: the unit is wrong, the limit counts tokens, not words. A rare word becomes "
    "several tokens and special tokens are added, so a word budget overshoots (or wastes) the limit."
)
CHARACTERS_LESSON = (
    "You cut the text to its first {characters} characters, and the tokenizer made {got} tokens of them "
    "where the model reads {limit}: cutting characters or words says nothing about tokens. Let the "
    "tokenizer cut, in tokens, at this model's limit."
)
TOO_LONG_LESSON = (
    "The model got {got} tokens, more than the {limit} it can read: that is not this model's limit. "
    "The tokenizer knows how many tokens this model accepts."
)
TOO_SHORT_LESSON = (
    "The model saw only {got} tokens of a text long enough to fill all {limit}: cutting characters or "
    "words (or at a smaller number of your own) says nothing about tokens and throws away text the "
    "model could read. Let the tokenizer cut, in tokens, at this model's limit."
)
KEPT_THE_END_LESSON = (
    "You kept the end of the text; the kata keeps its beginning, and the tokenizer by default cuts off "
    "the end."
)
NO_MASK_LESSON = (
    "You padded the input to {got} tokens but did not tell the model which of them are padding (no "
    "attention mask): it reads the {pads} padding tokens as text, and its answer changes. Pass the "
    "mask along with the ids, or do not pad a single text at all."
)
PIECES_LESSON = (
    "You ran the model on {pieces} inputs, reading more of the text than its first {limit} tokens "
    "(in pieces) or something else besides; the kata classifies the beginning of the text, cut at the "
    "limit, in one forward pass. Combining the scores of several pieces is another classifier."
)
OTHER_INPUT_LESSON = (
    "The model saw {got} tokens, the right length, but not the tokenizer's first {limit} tokens of the "
    "text with its special tokens. Tokenize the text itself and let the tokenizer cut it."
)
NOT_RUN_LESSON = "`classify_long` never ran the model on the text: the label must come from the model's logits."
VALUE_LESSON = "Your label is not the argmax of the model's logits for the truncated text."

#: Explicit draws, so the learner's few examples always meet both edges: a short text (a fixed
#: shape would need padding) and a long one with rare words (words are not tokens).
SHORT_TEXT = "the movie was great"
LONG_TEXT = " ".join(
    (word if i % 7 else RARE_WORDS[i % len(RARE_WORDS)]) for i, word in enumerate(WORDS + WORDS[:60])
)


def _texts() -> st.SearchStrategy[str]:
    """Long texts of 150-300 words (well over 128 tokens with every tiny tokenizer) and short ones."""
    long = st.lists(s.words(), min_size=150, max_size=300).map(" ".join)
    return st.one_of(long, s.sentences(1, 20))


def _reference_ids(name: str, text: str) -> Any:
    return checkpoints.tokenizer(name)(text, truncation=True, return_tensors="pt")["input_ids"][0]


def _cut_in(unit: str, row: Any, name: str, text: str) -> list[int]:
    """Every number of words (or characters) whose prefix of `text` the tokenizer turns into `row`."""
    import torch

    tokenizer = checkpoints.tokenizer(name)
    pieces = text.split() if unit == "words" else list(text)
    join = " ".join if unit == "words" else "".join
    kept = []
    for count in range(1, len(pieces)):
        encoded = tokenizer(join(pieces[:count]))["input_ids"]
        if len(encoded) == row.shape[-1] and torch.equal(torch.tensor(encoded), row):
            kept.append(count)
    return kept


def _lesson_for_row(row: Any, model: Any, name: str, text: str) -> str | None:
    """None when the row is exactly the reference input; else the lesson for what was fed."""
    import torch

    tokenizer = checkpoints.tokenizer(name)
    limit = tokenizer.model_max_length
    right = _reference_ids(name, text)
    if row.shape == right.shape and torch.equal(row, right):
        return None
    got = row.shape[-1]
    if got > limit and got == model.config.max_position_embeddings:
        return POSITIONS_LESSON.format(got=got, limit=limit)
    if got > limit and got == len(tokenizer(text)["input_ids"]):
        return NO_TRUNCATION_LESSON.format(got=got, limit=limit)
    if got != limit:
        words = _cut_in("words", row, name, text)
        characters = _cut_in("characters", row, name, text)
        if limit in words or (words and limit not in characters):
            return WORDS_LESSON.format(words=limit if limit in words else words[0], got=got, limit=limit)
        if characters:
            shown = limit if limit in characters else characters[-1]
            return CHARACTERS_LESSON.format(characters=shown, got=got, limit=limit)
    if got > limit:
        return TOO_LONG_LESSON.format(got=got, limit=limit)
    if got < limit and len(right) == limit:
        return TOO_SHORT_LESSON.format(got=got, limit=limit)
    cuts_the_start = checkpoints.private_tokenizer(name)
    cuts_the_start.truncation_side = "left"
    end = cuts_the_start(text, truncation=True, return_tensors="pt")["input_ids"][0]
    if row.shape == end.shape and torch.equal(row, end):
        return KEPT_THE_END_LESSON
    return OTHER_INPUT_LESSON.format(got=got, limit=limit)


def _rows(passes: list[Any]) -> list[tuple[Any, Any]]:
    """Every row fed, with its mask row (None when no mask was given)."""
    rows = []
    for fed in passes:
        ids = fed.ids if fed.ids.dim() == 2 else fed.ids.unsqueeze(0)
        mask = fed.mask if fed.mask is None or fed.mask.dim() == 2 else fed.mask.unsqueeze(0)
        for i in range(ids.shape[0]):
            rows.append((ids[i], None if mask is None or mask.shape != ids.shape else mask[i]))
    return rows


def _lesson_for_passes(passes: list[Any], model: Any, name: str, text: str) -> str | None:
    """None when every forward pass read exactly the reference input (padding hidden by its mask)."""
    import torch

    tokenizer = checkpoints.tokenizer(name)
    right = _reference_ids(name, text)
    pad = tokenizer.pad_token_id
    lessons = []
    for ids, mask in _rows(passes):
        real = ids[mask.bool()] if mask is not None else ids
        if real.shape == right.shape and torch.equal(real, right):
            lessons.append(None)
            continue
        padded = ids.shape[-1] > right.shape[-1] and torch.equal(ids[: right.shape[-1]], right)
        if mask is None and padded and bool((ids[right.shape[-1]:] == pad).all()):
            lessons.append(NO_MASK_LESSON.format(got=ids.shape[-1], pads=ids.shape[-1] - right.shape[-1]))
            continue
        lessons.append(_lesson_for_row(real, model, name, text))
    wrong = [lesson for lesson in lessons if lesson]
    if wrong and len(lessons) > 1 and None in lessons:
        return PIECES_LESSON.format(pieces=len(lessons), limit=tokenizer.model_max_length)
    return wrong[0] if wrong else None


def _expected(name: str, text: str) -> int:
    import torch

    batch = checkpoints.tokenizer(name)(text, truncation=True, return_tensors="pt")
    with torch.no_grad():
        return int(checkpoints.reference("AutoModelForSequenceClassification", name)(**batch).logits[0].argmax())


@check("classify_long feeds the model the text's first tokens, up to its limit, once, and returns its label",
       family=zoo.THREE_LABELS)
def classifies_the_first_tokens(attempt, name):
    model = checkpoints.fresh_model("AutoModelForSequenceClassification", name)

    @given(text=_texts())
    @example(text=SHORT_TEXT)
    @example(text=LONG_TEXT)
    def prop(text):
        shown = dict(on=name, text=text[:80] + ("…" if len(text) > 80 else ""), text_words=len(text.split()))
        tokenizer = checkpoints.private_tokenizer(name)
        outcome = forward_passes.run(attempt.classify_long, model, tokenizer, text, model=model)
        if outcome.crash is not None:
            shown["your_code_raised"] = outcome.crash_line
        if outcome.passes:
            lesson = _lesson_for_passes(outcome.passes, model, name, text)
            if lesson:
                fail(lesson, **shown)
        got = returns.expect_int(outcome.result(), "classify_long", name)
        if not outcome.passes:
            fail(NOT_RUN_LESSON, **shown)
        expected = _expected(name, text)
        if got != expected:
            fail(VALUE_LESSON, **shown, expected=expected, got=got)

    prop()
