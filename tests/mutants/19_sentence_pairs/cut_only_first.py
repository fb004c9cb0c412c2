"""Wrong answer: lets the tokenizer cut only the first text (the question)."""

MUTANT_EXPECTS = "The tokenizer refused to cut"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    """The pair as tensors of shape [1, length]; only the second text may be cut."""
    return tokenizer(
        first, second, truncation="only_first", max_length=max_length, padding="max_length", return_tensors="pt"
    )
