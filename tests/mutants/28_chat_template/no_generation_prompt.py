"""Wrong answer: the template rendered without add_generation_prompt=True."""

MUTANT_EXPECTS = "without the generation prompt"


def chat_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False)


def reply(model, tokenizer, messages, n_tokens):
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt", add_special_tokens=False)
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
