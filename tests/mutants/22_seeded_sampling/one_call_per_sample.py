"""Wrong answer: seeds once, then draws the n samples in n separate generate() calls."""

import torch

MUTANT_EXPECTS = "called generate() several times"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(seed)
    texts = []
    for _ in range(n):
        out = model.generate(
            **inputs, do_sample=True, top_k=top_k, top_p=top_p, temperature=temperature,
            max_new_tokens=max_new_tokens,
        )
        texts.append(tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True))
    return texts
