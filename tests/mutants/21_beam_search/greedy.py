"""Wrong answer: asks for k sequences but never turns beam search on (greedy)."""

import torch

MUTANT_EXPECTS = "ran greedy search"


def top_beams(model, tokenizer, prompt, num_beams, k, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, num_return_sequences=k, max_new_tokens=max_new_tokens)
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
