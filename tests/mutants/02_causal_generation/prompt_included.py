"""Wrong answer: returns the prompt followed by the continuation."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "Your text starts with the prompt"


def load_generator(path):
    return AutoModelForCausalLM.from_pretrained(path)


def continue_text(model, tokenizer, prompt, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0], skip_special_tokens=True)
