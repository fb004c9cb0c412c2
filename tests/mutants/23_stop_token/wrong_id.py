"""Wrong answer: treats the token string as text and encodes it, so tokens written with a
word-start marker ('Ġtea' on GPT-2) or without one ('cause' on Llama) get another id."""

import torch

MUTANT_EXPECTS = "told to stop on another token"


def generate_until(model, tokenizer, prompt, stop_token, max_new_tokens):
    stop_id = tokenizer.encode(stop_token, add_special_tokens=False)[0]
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=max_new_tokens, do_sample=False)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
