"""Wrong answer: seeds with a constant instead of `seed`, so every seed gives the same samples."""

import torch

MUTANT_EXPECTS = "do not depend on `seed`"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(42)
    out = model.generate(
        **inputs, do_sample=True, top_k=top_k, top_p=top_p, temperature=temperature,
        num_return_sequences=n, max_new_tokens=max_new_tokens,
    )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
