"""Wrong answer: decodes whole rows, so every text starts with the prompt."""

import torch

MUTANT_EXPECTS = "start with the prompt"


def top_beams(model, tokenizer, prompt, num_beams, k, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, num_beams=num_beams, num_return_sequences=k, max_new_tokens=max_new_tokens)
    return tokenizer.batch_decode(out, skip_special_tokens=True)
