"""Wrong answer: subtracts three tokens for the special tokens, which the length already counts."""

MUTANT_EXPECTS = "padded, but only to"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    """The pair as tensors of shape [1, length]; only the second text may be cut."""
    return tokenizer(
        first, second, truncation="only_second", max_length=max_length - 3, padding="max_length", return_tensors="pt"
    )
