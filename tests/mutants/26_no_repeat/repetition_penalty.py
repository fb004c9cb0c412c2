"""Wrong answer: repetition_penalty instead of no_repeat_ngram_size (repeats stay possible)."""

MUTANT_EXPECTS = "only lowers the scores of tokens seen before"


def continue_without_repeats(model, tokenizer, prompt, ngram, n_tokens):
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n_tokens, repetition_penalty=1.5, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
