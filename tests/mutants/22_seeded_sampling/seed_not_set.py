"""Wrong answer: samples correctly but never seeds torch, so runs are not reproducible."""

MUTANT_EXPECTS = "seed was never applied"


def sample(model, tokenizer, prompt, seed, n, top_k, top_p, temperature, max_new_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    out = model.generate(
        **inputs, do_sample=True, top_k=top_k, top_p=top_p, temperature=temperature,
        num_return_sequences=n, max_new_tokens=max_new_tokens,
    )
    return tokenizer.batch_decode(out[:, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
