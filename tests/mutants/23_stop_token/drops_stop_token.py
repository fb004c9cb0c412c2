"""Wrong answer: stops at the stop token, then cuts the stop token itself off the text."""

import torch

MUTANT_EXPECTS = "leaves the stop token out"


def generate_until(model, tokenizer, prompt, stop_token, max_new_tokens):
    stop_id = tokenizer.convert_tokens_to_ids(stop_token)
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=max_new_tokens, do_sample=False)
    new_ids = out[0, inputs["input_ids"].shape[1]:].tolist()
    if new_ids and new_ids[-1] == stop_id:
        new_ids = new_ids[:-1]
    return tokenizer.decode(new_ids, skip_special_tokens=True)
