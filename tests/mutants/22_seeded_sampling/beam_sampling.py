"""Wrong answer: seeds correctly, but gets its n samples as the n beams of a sampling beam search."""

import torch

MUTANT_EXPECTS = "beam search while sampling"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    torch.manual_seed(seed)
    with torch.no_grad():
        out = model.generate(
            **inputs, do_sample=True, num_beams=n, num_return_sequences=n, top_k=top_k, top_p=top_p,
            temperature=temperature, max_new_tokens=max_new_tokens,
        )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
