"""Wrong answer: saves the model and forgets the tokenizer."""

MUTANT_EXPECTS = "but not its tokenizer"


def save_for_serving(model, tokenizer, out_dir) -> None:
    model.save_pretrained(out_dir)
