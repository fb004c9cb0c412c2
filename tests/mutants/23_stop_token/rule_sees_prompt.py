"""Wrong answer: stops with a stopping rule of its own that looks for the stop token anywhere in
the sequence, so a stop token already in the prompt ends generation at once."""

import torch
from transformers import StoppingCriteria, StoppingCriteriaList

MUTANT_EXPECTS = "looks at the whole sequence"


class StopWhenSeen(StoppingCriteria):
    def __init__(self, stop_id):
        self.stop_id = stop_id

    def __call__(self, input_ids, scores, **kwargs):
        return (input_ids == self.stop_id).any(dim=-1)


def generate_until(model, tokenizer, prompt, stop_token, max_new_tokens):
    stop_id = tokenizer.convert_tokens_to_ids(stop_token)
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(
            **inputs, max_new_tokens=max_new_tokens, do_sample=False,
            stopping_criteria=StoppingCriteriaList([StopWhenSeen(stop_id)]),
        )
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
