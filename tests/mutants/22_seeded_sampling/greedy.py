"""Wrong answer: passes the knobs but never switches sampling on (greedy search)."""

import torch

MUTANT_EXPECTS = "did not sample"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(seed)
    out = model.generate(
        **inputs, top_k=top_k, top_p=top_p, temperature=temperature,
        num_return_sequences=n, max_new_tokens=max_new_tokens,
    )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
