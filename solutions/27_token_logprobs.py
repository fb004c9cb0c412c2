"""Kata 27 · Log-probabilities of generated tokens (reference solution)."""


def continuation_logprobs(model, tokenizer, prompt: str, n_tokens: int) -> list[float]:
    """The log-probability of each greedily generated token, one float per new token."""
    inputs = tokenizer(prompt, return_tensors="pt")
    out = model.generate(
        **inputs,
        max_new_tokens=n_tokens,
        do_sample=False,
        return_dict_in_generate=True,
        output_scores=True,
    )
    logprobs = model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
    return logprobs[0].tolist()
