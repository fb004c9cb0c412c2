"""Wrong answer: generates the whole budget, then cuts the text after the stop token."""

import torch

MUTANT_EXPECTS = "ran past the stop token"


def generate_until(model, tokenizer, prompt, stop_token, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False)
    new_ids = out[0, inputs["input_ids"].shape[1]:].tolist()
    stop_id = tokenizer.convert_tokens_to_ids(stop_token)
    if stop_id in new_ids:
        new_ids = new_ids[: new_ids.index(stop_id) + 1]
    return tokenizer.decode(new_ids, skip_special_tokens=True)
