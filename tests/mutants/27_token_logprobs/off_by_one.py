"""Wrong answer: a forward pass whose logits are read one position too late."""

import torch

MUTANT_EXPECTS = "off by one position"


def continuation_logprobs(model, tokenizer, prompt, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    sequence = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    start = inputs["input_ids"].shape[1]
    with torch.no_grad():
        logprobs = torch.log_softmax(model(sequence).logits[0], dim=-1)
    new_ids = sequence[0, start:]
    return logprobs[start:start + n_tokens].gather(-1, new_ids[:, None])[:, 0].tolist()
