"""Wrong answer: pads on the left but never gives the tokenizer a pad token."""

import torch

MUTANT_EXPECTS = "has no pad token"


def continue_batch(model, tokenizer, prompts, n_tokens):
    tokenizer.padding_side = "left"
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=n_tokens)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
