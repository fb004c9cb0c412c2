"""Kata 20 · Save model and tokenizer for serving (reference solution)."""


def save_for_serving(model, tokenizer, out_dir) -> None:
    """Write model and tokenizer into `out_dir` so the Auto classes reload them."""
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
