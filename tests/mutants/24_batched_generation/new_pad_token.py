"""Wrong answer: gives the tokenizer a brand-new pad token, which has no row in the model's embeddings."""

import torch

MUTANT_EXPECTS = "outside the model's embedding table"


def continue_batch(model, tokenizer, prompts, n_tokens):
    if tokenizer.pad_token is None:
        tokenizer.add_special_tokens({"pad_token": "[PAD]"})
    tokenizer.padding_side = "left"
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=n_tokens, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    return tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
