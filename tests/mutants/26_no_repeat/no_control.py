"""Wrong answer: plain greedy generation, nothing stops repeated n-grams."""

MUTANT_EXPECTS = "no n-gram ban"


def continue_without_repeats(model, tokenizer, prompt, ngram, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
