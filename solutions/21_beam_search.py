"""Kata 21 · The k best beams (reference solution)."""

import torch


def top_beams(model, tokenizer, prompt: str, num_beams: int, k: int, max_new_tokens: int) -> list[str]:
    """The k best beam-search continuations of `prompt`, best first, prompt left out."""
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(
            **inputs, num_beams=num_beams, num_return_sequences=k, max_new_tokens=max_new_tokens, do_sample=False
        )
    new_tokens = out[:, inputs["input_ids"].shape[1]:]
    return tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
