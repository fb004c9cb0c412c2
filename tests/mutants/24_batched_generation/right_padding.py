"""Wrong answer: sets a pad token but keeps the tokenizer's default padding side
(right for GPT-2 and Qwen2), so short prompts end in padding."""

import torch

MUTANT_EXPECTS = "padded on the right"


def continue_batch(model, tokenizer, prompts, n_tokens):
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=n_tokens, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
