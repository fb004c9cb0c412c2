"""Wrong answer: AutoModel, the bare transformer without a language-model head."""

import torch
from transformers import AutoModel

MUTANT_EXPECTS = "does not give you a language-model head"


def load_generator(path):
    return AutoModel.from_pretrained(path)


def continue_text(model, tokenizer, prompt, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    new_ids = output[0, inputs["input_ids"].shape[1]:]
    return tokenizer.decode(new_ids, skip_special_tokens=True)
