"""Kata 22 · Sampling you can reproduce (reference solution)."""

import torch


def sample(
    model, tokenizer, prompt: str, seed: int, n: int, top_k: int, top_p: float, temperature: float,
    max_new_tokens: int,
) -> list[str]:
    """`n` reproducible samples continuing `prompt`: same seed, same texts."""
    inputs = tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(seed)
    with torch.no_grad():
        out = model.generate(
            **inputs,
            do_sample=True,
            top_k=top_k,
            top_p=top_p,
            temperature=temperature,
            num_return_sequences=n,
            max_new_tokens=max_new_tokens,
        )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
