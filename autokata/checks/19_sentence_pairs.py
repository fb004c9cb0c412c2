"""Hidden checks for kata 19: pair encoding, `truncation="only_second"`, padding to a length."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, returns
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "truncation",
    "only_second",
    "only_first",
    "longest_first",
    "padding",
    "max_length",
    "return_tensors",
    "text_pair",
    "token_type_ids",
    "return_token_type_ids",
    "pad_to_max_length",
    "encode_plus",
    "PaddingStrategy",
    "TruncationStrategy",
)

LESSON = """
A tokenizer encodes a pair when it gets the two texts as two arguments, `tokenizer(first,
second)` (the second is its `text_pair`): one sequence with the model's own separators,
`[CLS] first [SEP] second [SEP]` for BERT, `<s> first </s></s> second </s>` for RoBERTa. BERT-style
tokenizers add `token_type_ids` (0 for the first segment, 1 for the second); RoBERTa's and
DistilBERT's give none, because their models take none, so an encoding must keep exactly the
entries the tokenizer returns. Joining the texts into one string loses the separator between them
and the segment ids.

A fixed length takes two settings and a length, all in the same call:
`tokenizer(first, second, truncation="only_second", max_length=n, padding="max_length",
return_tensors="pt")`.
- `max_length` counts every token of the pair, special tokens included: do not subtract them.
- `truncation="only_second"` cuts tokens from the end of the second text only; `truncation=True`
  (`"longest_first"`) takes them from whichever text is longer at each step, so it may cut the
  first text (the question) too; `"only_first"` cuts the wrong one, and the tokenizer raises
  "Truncation error" when the text it may cut is too short to reach the length.
- `padding="max_length"` fills up to `max_length` with the pad token (attention mask 0 there);
  `padding=True` pads only to the longest text of a batch, which for a single pair is no padding.
- `return_tensors="pt"` returns PyTorch tensors of shape [1, max_length].

The checks draw pairs too long for the length (such that plain truncation=True would cut the
first text) and pairs too short for it, on every encoder tokenizer of the zoo, and compare your
encoding, entry by entry, with the tokenizer's own.
"""

HINTS = (
    "Give the tokenizer the two texts as two arguments, and tell it, in the same call, how long "
    "the result must be, which text it may cut, and to fill up short ones.",
    "`truncation=\"only_second\"` cuts only the second text; `padding=\"max_length\"` pads up to "
    "`max_length` (while `padding=True` pads only to the longest text in the batch).",
    "`tokenizer(first, second, truncation=\"only_second\", max_length=max_length, "
    "padding=\"max_length\", return_tensors=\"pt\")`.",
)

RETURN_LESSON = (
    "`encode_pair` should return the tokenizer's encoding of the pair (a dict-like object holding the "
    "token ids, the attention mask, ...)."
)
TENSORS_LESSON = (
    "The encoding should hold PyTorch tensors, and yours holds other types: the tokenizer can give "
    "tensors itself."
)
SHAPE_LESSON = (
    "Every tensor of the encoding should have shape [1, length]: one row (the pair), the given "
    "number of tokens."
)
PADDING_LESSON = (
    "Your encoding is shorter than the length asked and has no filler at all: it was not padded. "
    "Padding \"to the longest\" means to the longest text of a batch, which for a single pair is no "
    "padding at all; here every encoding must reach the given length."
)
SHORT_PADDED_LESSON = (
    "Your encoding is padded, but only to {got} tokens, not to the {wanted} asked. The length counts "
    "every token of the pair, special tokens included: fill up to exactly the length you were given."
)
CUT_TOO_SHORT_LESSON = (
    "Your encoding was cut to {got} tokens, shorter than the {wanted} asked. The length counts every "
    "token of the pair, special tokens included: cut down to exactly the length you were given, no "
    "further."
)
TOO_LONG_LESSON = "Your encoding is longer than the length asked: the pair was not cut down to it."
MISSING_TYPES_LESSON = (
    "This tokenizer gives segment ids (0 for the first text, 1 for the second), and your encoding "
    "has none: keep what the tokenizer returns."
)
EXTRA_TYPES_LESSON = (
    "This tokenizer has no segment ids (its model does not take them; the separators mark the "
    "boundary), but your encoding has them: keep only what the tokenizer returns by default."
)
KEYS_LESSON = "Your encoding does not have the entries this tokenizer returns for a pair."
JOINED_LESSON = (
    "You joined the two texts into one string, so the tokenizer saw a single text: no separator "
    "between them and no segment boundary. A tokenizer takes a pair as two texts."
)
BOTH_CUT_LESSON = (
    "Your cut reached the first text too. Cutting \"the longest first\" (`truncation=True`) removes "
    "tokens from whichever text is longer at each step; here the first text must stay whole and "
    "only the second may lose tokens."
)
FIRST_CUT_LESSON = (
    "Your encoding cut the first text and kept the second whole: the wrong one. The first text (the "
    "question) must stay whole; only the second may lose tokens."
)
TRUNCATION_ERROR_LESSON = (
    "The tokenizer refused to cut (\"Truncation error\"): the text it was allowed to cut has fewer "
    "tokens than must go. The check always leaves the second text long enough to bring the pair down "
    "to exactly the given length, special tokens included, without touching the first; so your code "
    "either let the tokenizer cut the first text only, or asked for a shorter length than given."
)
VALUE_LESSON = (
    "Your encoding differs from the tokenizer's pair encoding with only the second text cut and "
    "filler up to the given length."
)


def _crash_lesson(crash: LearnerCrash) -> str | None:
    return TRUNCATION_ERROR_LESSON if "Truncation error" in crashes.crash_line(crash) else None


def _padded(tokenizer: Any, texts: tuple[str, ...], max_length: int, truncation: Any) -> dict[str, Any]:
    """One encoding of `texts` (a pair, or one joined text) padded to `max_length`."""
    return tokenizer(*texts, truncation=truncation, max_length=max_length, padding="max_length", return_tensors="pt")


def _segment_lengths(name: str, first: str, second: str) -> tuple[int, int, int]:
    """Tokens of the first text, of the second, and of the whole pair (special tokens included)."""
    ids = checkpoints.tokenizer(name)(first, second).sequence_ids()
    return ids.count(0), ids.count(1), len(ids)


def _same(a: Any, b: Any) -> bool:
    return set(a.keys()) == set(b.keys()) and all(a[k].tolist() == b[k].tolist() for k in a)


def _padded_somewhere(tokenizer: Any, got: Any) -> bool:
    """Does the learner's encoding hold filler: masked-out positions or pad ids?"""
    mask = got.get("attention_mask")
    if mask is not None and 0 in mask.flatten().tolist():
        return True
    return tokenizer.pad_token_id is not None and tokenizer.pad_token_id in got["input_ids"].flatten().tolist()


def _cut_only_first(tokenizer: Any, first: str, second: str, max_length: int) -> Any:
    try:
        return _padded(tokenizer, (first, second), max_length, "only_first")
    except Exception:  # noqa: BLE001 - the tokenizer cannot cut the first text that far
        return None


def _expect_pair_encoding(attempt, name: str, first: str, second: str, max_length: int) -> None:
    import torch

    tokenizer = checkpoints.tokenizer(name)
    expected = _padded(tokenizer, (first, second), max_length, "only_second")
    n_first, n_second, total = _segment_lengths(name, first, second)
    shown = dict(on=name, first=first, second=second, max_length=max_length)
    counts = dict(first_text_tokens=n_first, second_text_tokens=n_second, whole_pair_tokens=total)
    with crashes.lesson_on_crash(_crash_lesson, **shown, **counts):
        got = attempt.encode_pair(checkpoints.private_tokenizer(name), first, second, max_length)
    got = returns.expect_mapping(got, "encode_pair", ["input_ids"], RETURN_LESSON, **shown)
    if not all(isinstance(value, torch.Tensor) for value in got.values()):
        fail(TENSORS_LESSON, **shown, got_types={k: type(v).__name__ for k, v in got.items()})
    shapes = {key: tuple(value.shape) for key, value in got.items()}
    length = shapes["input_ids"][-1] if shapes["input_ids"] else 0
    if length < max_length:
        if _padded_somewhere(tokenizer, got):
            fail(SHORT_PADDED_LESSON.format(got=length, wanted=max_length), **shown, **counts, got_shapes=shapes)
        if length < total:
            fail(CUT_TOO_SHORT_LESSON.format(got=length, wanted=max_length), **shown, **counts, got_shapes=shapes)
        fail(PADDING_LESSON, **shown, **counts, got_shapes=shapes)
    if length > max_length:
        fail(TOO_LONG_LESSON, **shown, **counts, got_shapes=shapes)
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
        fail(BOTH_CUT_LESSON, **shown, **counts)
    first_cut = _cut_only_first(tokenizer, first, second, max_length)
    if first_cut is not None and _same(got, first_cut):
        fail(FIRST_CUT_LESSON, **shown, **counts)
    decoded = {key: tokenizer.decode(e["input_ids"][0]) for key, e in (("expected", expected), ("got", got))}
    fail(VALUE_LESSON, **shown, **decoded)


@check("a long pair is cut from its second text only, to exactly max_length", family=zoo.ENCODERS)
def long_pairs_lose_only_second_text_tokens(attempt, name):
    @given(first=s.sentences(2, 6), second=s.sentences(3, 12), share=st.floats(0, 1))
    @example(first="the cat sat on the mat", second="a dog runs in the park every morning", share=0.0)
    @example(first="where is the cat", second="the cat sat on the mat with a dog in the park", share=1.0)
    @example(first="a dog", second="the cat sat on the mat every morning with his friend", share=0.5)
    def prop(first, second, share):
        n_first, n_second, total = _segment_lengths(name, first, second)
        # Short enough that plain truncation=True would cut the first text as well; `share`
        # 0 keeps a single token of the second text, 1 cuts the fewest tokens that still show it.
        shortest = total - n_second + 1
        longest = min(total - 1, total - n_second + n_first - 1)
        max_length = shortest + round(share * (longest - shortest))
        _expect_pair_encoding(attempt, name, first, second, max_length)

    prop()


@check("a short pair is padded to exactly max_length", family=zoo.ENCODERS)
def short_pairs_are_padded(attempt, name):
    @given(first=s.sentences(1, 6), second=s.sentences(1, 8), extra=st.integers(1, 16))
    @example(first="where is the cat", second="the cat sat on the mat", extra=8)  # a wrong length shows
    @example(first="the cat", second="a dog runs", extra=1)
    @example(first="  Où est le Café? ", second="NAÏVE déjà-vu  ", extra=3)  # case, accents, spaces
    def prop(first, second, extra):
        _, _, total = _segment_lengths(name, first, second)
        _expect_pair_encoding(attempt, name, first, second, total + extra)

    prop()
