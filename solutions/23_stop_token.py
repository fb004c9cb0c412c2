"""Kata 23 · Stop at a token (reference solution)."""

import torch


def generate_until(model, tokenizer, prompt: str, stop_token: str, max_new_tokens: int) -> str:
    """Greedy continuation of `prompt` that stops right after `stop_token` (or at the budget)."""
    stop_id = tokenizer.convert_tokens_to_ids(stop_token)
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=max_new_tokens, do_sample=False)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
