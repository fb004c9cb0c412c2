"""Hypothesis strategies for kata inputs: words the tiny tokenizers know whole,
rare words they split into pieces, sentences and batches of uneven length."""

from __future__ import annotations

from hypothesis import strategies as st

from autokata.zoo.corpus import RARE_WORDS, WORDS


def words(rare_share: int = 4) -> st.SearchStrategy[str]:
    """Mostly known words; about one in `rare_share` is split into sub-tokens."""
    return st.one_of(*([st.sampled_from(WORDS)] * (rare_share - 1)), st.sampled_from(RARE_WORDS))


def sentences(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    return st.lists(words(), min_size=min_words, max_size=max_words).map(" ".join)


def uneven_batches(min_size: int = 2, max_size: int = 4, max_words: int = 14) -> st.SearchStrategy[list[str]]:
    """Batches whose texts differ in length, so padding always happens."""
    return st.lists(sentences(1, max_words), min_size=min_size, max_size=max_size).filter(
        lambda texts: len({len(t.split()) for t in texts}) > 1
    )
