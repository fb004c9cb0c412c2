"""Wrong answer: chooses the right padding side, but only after the prompts were tokenized."""

import torch

MUTANT_EXPECTS = "after tokenizing the prompts"


def continue_batch(model, tokenizer, prompts, n_tokens):
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    tokenizer.padding_side = "left"
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=n_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
