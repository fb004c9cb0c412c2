"""Wrong answer: saves only the base model, so a classifier's head is lost."""

MUTANT_EXPECTS = "does not hold its weights"


def save_for_serving(model, tokenizer, out_dir) -> None:
    model.base_model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
