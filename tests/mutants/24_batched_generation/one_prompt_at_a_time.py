"""Wrong answer: right texts, but one generate() call per prompt: no batching at all."""

import torch

MUTANT_EXPECTS = "did not generate the prompts as one batch"


def continue_batch(model, tokenizer, prompts, n_tokens):
    texts = []
    for prompt in prompts:
        inputs = tokenizer(prompt, return_tensors="pt")
        with torch.no_grad():
            out = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
        texts.append(tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True))
    return texts
