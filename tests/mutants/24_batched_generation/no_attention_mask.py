"""Wrong answer: pads on the left but hands generate() the ids alone, without the mask."""

import torch

MUTANT_EXPECTS = "did not get the attention mask"


def continue_batch(model, tokenizer, prompts, n_tokens):
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(batch["input_ids"], max_new_tokens=n_tokens, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
