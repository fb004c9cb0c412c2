"""Hidden checks for kata 19: pair encoding, `truncation="only_second"`, padding to a length."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit import track_b2 as b2

HINTS = (
    "Give the tokenizer the two texts as two arguments, and tell it how long the result must be, "
    "what to cut and how to fill.",
    "`truncation=\"only_second\"` cuts only the second text; `padding=\"max_length\"` pads up to "
    "`max_length` (while `padding=True` pads only to the longest text in the batch).",
    "`tokenizer(first, second, truncation=\"only_second\", max_length=max_length, "
    "padding=\"max_length\", return_tensors=\"pt\")`.",
)

RETURN_LESSON = (
    "`encode_pair` should return the tokenizer's encoding (a dict-like BatchEncoding with "
    "`input_ids`, `attention_mask`, ...)."
)
TENSORS_LESSON = "The encoding should hold PyTorch tensors: ask the tokenizer for them with `return_tensors=\"pt\"`."
SHAPE_LESSON = "Every tensor of the encoding should have shape [1, max_length]: one row (the pair), max_length tokens."
PADDING_LESSON = (
    "Your encoding is shorter than max_length: it was not padded. `padding=\"max_length\"` pads up to "
    "`max_length`; `padding=True` pads only to the longest text of the batch, which for a single pair "
    "means no padding at all."
)
TOO_LONG_LESSON = "Your encoding is longer than max_length: the pair was not truncated to `max_length`."
MISSING_TYPES_LESSON = (
    "This tokenizer gives `token_type_ids` (0 for the first text, 1 for the second), and your encoding "
    "has none: keep what the tokenizer returns."
)
EXTRA_TYPES_LESSON = (
    "This tokenizer has no `token_type_ids` (its model does not take them; the separators mark the "
    "boundary), but your encoding has them: keep only what the tokenizer returns by default."
)
KEYS_LESSON = "Your encoding does not have the entries this tokenizer returns for a pair."
JOINED_LESSON = (
    "You joined the two texts into one string, so the tokenizer saw a single text: no separator "
    "between them and no segment boundary. Pass them as two arguments: `tokenizer(first, second, ...)`."
)
BOTH_CUT_LESSON = (
    "Your truncation cut the first text too. `truncation=True` removes tokens from whichever text is "
    "longer at each step; `truncation=\"only_second\"` leaves the first text whole and cuts the second."
)
VALUE_LESSON = (
    "Your encoding differs from the tokenizer's pair encoding with only the second text cut and "
    "padding up to max_length."
)


def _padded(tokenizer: Any, texts: tuple[str, ...], max_length: int, truncation: Any) -> dict[str, Any]:
    """One encoding of `texts` (a pair, or one joined text) padded to `max_length`."""
    return tokenizer(*texts, truncation=truncation, max_length=max_length, padding="max_length", return_tensors="pt")


def _segment_lengths(name: str, first: str, second: str) -> tuple[int, int, int]:
    """Tokens of the first text, of the second, and of the whole pair (special tokens included)."""
    ids = m.tokenizer(name)(first, second).sequence_ids()
    return ids.count(0), ids.count(1), len(ids)


def _same(a: Any, b: Any) -> bool:
    return set(a.keys()) == set(b.keys()) and all(a[k].tolist() == b[k].tolist() for k in a)


def _expect_pair_encoding(attempt, name: str, first: str, second: str, max_length: int) -> None:
    import torch

    tokenizer = m.tokenizer(name)
    expected = _padded(tokenizer, (first, second), max_length, "only_second")
    shown = dict(on=name, first=first, second=second, max_length=max_length)
    got = attempt.encode_pair(copy.deepcopy(tokenizer), first, second, max_length)
    got = b2.expect_mapping(got, "encode_pair", ["input_ids"], RETURN_LESSON, **shown)
    if not all(isinstance(value, torch.Tensor) for value in got.values()):
        fail(TENSORS_LESSON, **shown, got_types={k: type(v).__name__ for k, v in got.items()})
    shapes = {key: tuple(value.shape) for key, value in got.items()}
    length = shapes["input_ids"][-1] if shapes["input_ids"] else 0
    if length < max_length:
        fail(PADDING_LESSON, **shown, got_shapes=shapes)
    if length > max_length:
        fail(TOO_LONG_LESSON, **shown, got_shapes=shapes)
    if any(shape != (1, max_length) for shape in shapes.values()):
        fail(SHAPE_LESSON, **shown, got_shapes=shapes)
    if set(got.keys()) != set(expected.keys()):
        keys = dict(expected_keys=sorted(expected.keys()), got_keys=sorted(got.keys()))
        if "token_type_ids" in set(expected.keys()) - set(got.keys()):
            fail(MISSING_TYPES_LESSON, **shown, **keys)
        if "token_type_ids" in set(got.keys()) - set(expected.keys()):
            fail(EXTRA_TYPES_LESSON, **shown, **keys)
        fail(KEYS_LESSON, **shown, **keys)
    if _same(got, expected):
        return
    if _same(got, _padded(tokenizer, (f"{first} {second}",), max_length, True)):
        fail(JOINED_LESSON, **shown)
    if _same(got, _padded(tokenizer, (first, second), max_length, True)):
        fail(BOTH_CUT_LESSON, **shown)
    decoded = {key: tokenizer.decode(e["input_ids"][0]) for key, e in (("expected", expected), ("got", got))}
    fail(VALUE_LESSON, **shown, **decoded)


@check("a long pair is cut from its second text only, to exactly max_length", family=zoo.ENCODERS)
def long_pairs_lose_only_second_text_tokens(attempt, name):
    @given(first=s.sentences(2, 6), second=s.sentences(3, 12), data=st.data())
    def prop(first, second, data):
        n_first, n_second, total = _segment_lengths(name, first, second)
        # Short enough that plain truncation=True would cut the first text as well.
        longest = min(total - 1, total - n_second + n_first - 1)
        max_length = data.draw(st.integers(total - n_second + 1, longest), label="max_length")
        _expect_pair_encoding(attempt, name, first, second, max_length)

    prop()


@check("a short pair is padded to exactly max_length", family=zoo.ENCODERS)
def short_pairs_are_padded(attempt, name):
    @given(first=s.sentences(1, 6), second=s.sentences(1, 8), extra=st.integers(1, 16))
    def prop(first, second, extra):
        _, _, total = _segment_lengths(name, first, second)
        _expect_pair_encoding(attempt, name, first, second, total + extra)

    prop()
