"""Wrong answer: asks every tokenizer for token_type_ids, even those whose model has none."""

MUTANT_EXPECTS = "This tokenizer has no segment ids"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    return tokenizer(
        first, second, truncation="only_second", max_length=max_length, padding="max_length",
        return_token_type_ids=True, return_tensors="pt",
    )
