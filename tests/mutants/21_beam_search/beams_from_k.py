"""Wrong answer: mixes up the two knobs and searches with k beams, so it only
works when k == num_beams (for k > num_beams generate would even refuse)."""

import torch

MUTANT_EXPECTS = "searched with k beams"


def top_beams(model, tokenizer, prompt, num_beams, k, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, num_beams=k, num_return_sequences=k, max_new_tokens=max_new_tokens)
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
