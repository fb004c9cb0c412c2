"""Wrong answer: `max_length=n_tokens`, which counts the prompt's tokens too."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "counts every token of the sequence"


def load_generator(path):
    return AutoModelForCausalLM.from_pretrained(path)


def continue_text(model, tokenizer, prompt, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_length=n_tokens, do_sample=False)
    new_ids = output[0, inputs["input_ids"].shape[1]:]
    return tokenizer.decode(new_ids, skip_special_tokens=True)
