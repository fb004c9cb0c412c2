"""Wrong answer: joins the two texts into one string before tokenizing."""

MUTANT_EXPECTS = "joined the two texts into one string"


def encode_pair(tokenizer, first: str, second: str, max_length: int):
    return tokenizer(
        first + " " + second, truncation=True, max_length=max_length, padding="max_length", return_tensors="pt"
    )
