"""Wrong answer: `truncation=True` (longest first), which may cut the first text too."""

MUTANT_EXPECTS = "Your cut reached the first text too"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    return tokenizer(first, second, truncation=True, max_length=max_length, padding="max_length", return_tensors="pt")
