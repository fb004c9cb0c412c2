"""Kata 24 · Generate for a batch: pad on the left (reference solution)."""

import torch


def continue_batch(model, tokenizer, prompts: list[str], n_tokens: int) -> list[str]:
    """Greedy continuations of several prompts, each equal to its continuation alone."""
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(
            **batch, max_new_tokens=n_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
