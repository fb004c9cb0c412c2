"""Wrong answer: draws the n samples in n generate() calls and seeds torch before each one,
so every call begins from the same random state."""

import torch

MUTANT_EXPECTS = "seeded torch before each call"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    texts = []
    for _ in range(n):
        torch.manual_seed(seed)
        with torch.no_grad():
            out = model.generate(
                **inputs, do_sample=True, top_k=top_k, top_p=top_p, temperature=temperature,
                max_new_tokens=max_new_tokens,
            )
        texts.append(tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True))
    return texts
