"""Wrong answer: halves the model to float16 before saving it (the reloaded outputs change)."""

MUTANT_EXPECTS = "your folder stores them converted"


def save_for_serving(model, tokenizer, out_dir) -> None:
    """Write model and tokenizer into `out_dir` so the Auto classes reload them."""
    model.half().save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
