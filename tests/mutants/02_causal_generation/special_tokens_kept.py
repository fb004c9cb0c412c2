"""Wrong answer: the new ids decoded without skip_special_tokens=True."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "holds special tokens"


def load_generator(path):
    """Load the checkpoint at `path` with the head that predicts the next token."""
    return AutoModelForCausalLM.from_pretrained(path)


def continue_text(model, tokenizer, prompt: str, n_tokens: int) -> str:
    """The greedy continuation of `prompt`, `n_tokens` tokens long, without the prompt."""
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:])
