"""Label maps: drawn label sets, the two maps a classifier's config holds (`id2label`, `label2id`), and their lessons.

Label maps are where learners slip most quietly (transformers accepts maps in
the wrong direction, string keys or one map without the other), so
`expect_label_maps` names each of those mistakes instead of printing two dicts.
`label_sets` draws names a real project might use (Unicode, spaces, digits),
and `EDGE_LABEL_SETS` are the sets every learner run meets first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from autokata.kit.outcomes import fail


#: Label names a real project might use, some of them outside ASCII.
LABEL_WORDS: tuple[str, ...] = (
    "negative", "neutral", "positive", "spam", "ham", "sports", "politics", "science",
    "joy", "anger", "fear", "surprise", "toxic", "urgent", "billing", "refund",
    "B-PER", "I-LOC", "café", "naïve", "Ελληνικά", "русский", "日本語", "한국어", "😀 happy",
    "0", "1",
)

_PLACEHOLDER = re.compile(r"LABEL_\d+")


#: Label sets every learner run meets first (hypothesis draws only three examples): names with
#: spaces around them, decomposed and full-width Unicode (normalisation changes them), case-folding
#: changes, names that are prefixes or suffixes of others, digits, an unsorted order; and the most
#: labels a kata allows, with names that collide once stripped or lower-cased.
EDGE_LABEL_SETS: tuple[list[str], ...] = (
    ["  spam ", "ham", "cafe\u0301", "\uff46\uff55\uff4c\uff4c", "Stra\u00dfe", "PER", "B-PER", "1", "0"],
    [
        "news", " news", "news ", "News", "sport", "sports", "e-sports", "art", "smart", "arts",
        "\u65e5\u672c", "\u65e5\u672c\u8a9e", "\U0001f600", "\U0001f600 happy", "10", "1", "01",
        "na\u00efve", "naive", "z",
    ],
)

PLACEHOLDER_LESSON = (
    "Your model's labels are the placeholders LABEL_0, LABEL_1, ...: a head of the right size does not "
    "name its outputs. The config must also map each output index to its name and each name back to "
    "its index."
)

REVERSED_LESSON = (
    "Your label maps point the wrong way: `id2label` maps each output index (an int) to its name, "
    "and `label2id` maps each name back to its index."
)

STRING_KEYS_LESSON = (
    "The keys of `id2label` must be the output indices as ints, not strings: "
    "`model.config.id2label[0]` must give the first label's name."
)

ONE_MAP_LESSON = (
    "`{good}` is right but the map in the other direction is not its inverse: set both, so names "
    "become indices for training and indices become names for predictions."
)

CHANGED_NAMES_LESSON = (
    "Your label names are not exactly the ones you were given: you changed them ({how}). Labels are "
    "data: output i must be named `labels[i]` character for character, spaces and all."
)

ORDER_LESSON = (
    "Your maps hold the right names in another order: output index i must name `labels[i]`, "
    "in the order the labels were given."
)

MAPS_LESSON = (
    "Your label maps do not match the labels you were given: output index i must be named "
    "`labels[i]`, and the map from names to indices must be its inverse."
)


def label_sets(
    min_size: int = 2, max_size: int = 20, exclude_sizes: Sequence[int] = ()
) -> st.SearchStrategy[list[str]]:
    """Distinct label names, everyday words mixed with arbitrary printable unicode text.

    Placeholder-looking names (`LABEL_3`) are left out: with them, a model that
    only sets `num_labels` would be right by accident.
    """
    printable = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn"))
    name = st.one_of(st.sampled_from(LABEL_WORDS), st.text(printable, min_size=1, max_size=12))
    return st.lists(name, min_size=min_size, max_size=max_size, unique=True).filter(
        lambda labels: len(labels) not in exclude_sizes and not any(_PLACEHOLDER.fullmatch(n) for n in labels)
    )


def label_maps(labels: Sequence[str]) -> tuple[dict[int, str], dict[str, int]]:
    """`id2label` and `label2id` for labels in the given order."""
    return dict(enumerate(labels)), {label: index for index, label in enumerate(labels)}


def expect_label_maps(
    config: Any, labels: Sequence[str], name: str, stale: Sequence[str] = (), stale_lesson: str = "", **more: Any
) -> None:
    """Both maps must be exactly the drawn labels in order; each usual mistake gets its lesson.

    `stale` names labels a checkpoint carried before (kata 14): finding one of
    them in either map fails with `stale_lesson`. `more` adds shown values.
    """
    want_id2label, want_label2id = label_maps(labels)
    id2label, label2id = config.id2label, config.label2id
    if id2label == want_id2label and label2id == want_label2id:
        return
    shown = dict(on=name, **more, labels=list(labels), got_index_to_name=id2label, got_name_to_index=label2id)
    if id2label == want_label2id or label2id == want_id2label:
        fail(REVERSED_LESSON, **shown)
    if id2label == {str(index): label for index, label in want_id2label.items()}:
        fail(STRING_KEYS_LESSON, **shown)
    if id2label == want_id2label:
        fail(ONE_MAP_LESSON.format(good="id2label", bad="label2id"), **shown)
    if label2id == want_label2id:
        fail(ONE_MAP_LESSON.format(good="label2id", bad="id2label"), **shown)
    names = {n if isinstance(n, str) else repr(n) for n in _names_in(id2label) + _names_in(label2id, keys=True)}
    if names & (set(stale) - set(labels)):
        fail(stale_lesson, **shown)
    unknown = names - set(labels)
    if unknown and all(_PLACEHOLDER.fullmatch(n) for n in unknown):
        fail(PLACEHOLDER_LESSON, **shown)
    how = _changed_how(labels, id2label) or _changed_how(labels, _inverse(label2id))
    if how:
        fail(CHANGED_NAMES_LESSON.format(how=how), **shown)
    if isinstance(id2label, dict) and sorted(map(str, id2label.values())) == sorted(labels):
        fail(ORDER_LESSON, **shown)
    fail(MAPS_LESSON, **shown, expected_index_to_name=want_id2label)


#: Ways learners "clean" label names, each named as the lesson shows it.
_CLEANINGS: tuple[tuple[str, Any], ...] = (
    ("stripped spaces", str.strip),
    ("lower-cased", str.lower),
    ("case-folded", str.casefold),
    ("upper-cased", str.upper),
    ("Unicode-normalised (NFC)", lambda n: unicodedata.normalize("NFC", n)),
    ("Unicode-normalised (NFKC)", lambda n: unicodedata.normalize("NFKC", n)),
    ("Unicode-normalised (NFD)", lambda n: unicodedata.normalize("NFD", n)),
    ("Unicode-normalised (NFKD)", lambda n: unicodedata.normalize("NFKD", n)),
    ("stripped and lower-cased", lambda n: n.strip().lower()),
)


def _inverse(mapping: Any) -> Any:
    """`{index: name}` from a `{name: index}` map, or None when it is not one."""
    if not isinstance(mapping, dict) or not all(isinstance(v, int) for v in mapping.values()):
        return None
    return {index: name for name, index in mapping.items()}


def _changed_how(labels: Sequence[str], id2label: Any) -> str:
    """How the names in `id2label` were "cleaned" from `labels` (in order or sorted), or ''."""
    if not isinstance(id2label, dict) or not all(isinstance(v, str) for v in id2label.values()):
        return ""
    got = [id2label.get(i, id2label.get(str(i))) for i in range(len(labels))]
    for how, clean in _CLEANINGS:
        cleaned = [clean(n) for n in labels]
        if cleaned != list(labels) and (got == cleaned or sorted(id2label.values()) == sorted(cleaned)):
            return how
    return ""


def _names_in(mapping: Any, keys: bool = False) -> list[Any]:
    if not isinstance(mapping, dict):
        return []
    return list(mapping.keys() if keys else mapping.values())
