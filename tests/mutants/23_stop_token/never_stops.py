"""Wrong answer: ignores `stop_token` and relies on the model's own end-of-text token."""

import torch

MUTANT_EXPECTS = "never told about it"


def generate_until(model, tokenizer, prompt, stop_token, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(
            **inputs, eos_token_id=tokenizer.eos_token_id, max_new_tokens=max_new_tokens, do_sample=False
        )
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
