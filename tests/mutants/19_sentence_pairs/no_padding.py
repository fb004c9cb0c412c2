"""Wrong answer: `padding=True`, which does not pad a single pair up to max_length."""

MUTANT_EXPECTS = "it was not padded"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    return tokenizer(first, second, truncation="only_second", max_length=max_length, padding=True, return_tensors="pt")
