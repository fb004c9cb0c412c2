"""Kata 25 · Defaults that travel with the model (reference solution)."""

from transformers import AutoModelForCausalLM, AutoTokenizer


def set_defaults(path, out_dir, max_new_tokens: int, num_beams: int) -> None:
    """Save the model at `path` to `out_dir` so a bare generate() uses these defaults."""
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.generation_config.max_new_tokens = max_new_tokens
    model.generation_config.num_beams = num_beams
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
