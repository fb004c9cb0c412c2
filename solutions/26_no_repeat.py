"""Kata 26 · No repeated n-grams (reference solution)."""


def continue_without_repeats(model, tokenizer, prompt: str, ngram: int, n_tokens: int) -> str:
    """Greedy continuation of `prompt` in which no run of `ngram` tokens occurs twice."""
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(
        **inputs,
        max_new_tokens=n_tokens,
        no_repeat_ngram_size=ngram,
        do_sample=False,
    )
    new_ids = output[0, inputs["input_ids"].shape[1]:]
    return tokenizer.decode(new_ids, skip_special_tokens=True)
