"""Kata 19 · Encode sentence pairs to a fixed length (reference solution)."""


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    """The pair as tensors of shape [1, max_length]; only the second text may be cut."""
    return tokenizer(
        first,
        second,
        truncation="only_second",
        max_length=max_length,
        padding="max_length",
        return_tensors="pt",
    )
