"""Wrong answer: misspelled knob names in a GenerationConfig are stored and ignored,
so generate() samples with its default top_k and top_p."""

import torch
from transformers import GenerationConfig

MUTANT_EXPECTS = "silently ignored"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    config = GenerationConfig(
        do_sample=True, topk=top_k, nucleus=top_p, temperature=temperature,
        num_return_sequences=n, max_new_tokens=max_new_tokens,
    )
    torch.manual_seed(seed)
    out = model.generate(**inputs, generation_config=config)
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
