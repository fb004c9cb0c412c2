"""Wrong answer: returns every beam instead of the k best."""

import torch

MUTANT_EXPECTS = "returned every beam"


def top_beams(model, tokenizer, prompt, num_beams, k, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(
            **inputs, num_beams=num_beams, num_return_sequences=num_beams, max_new_tokens=max_new_tokens
        )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
