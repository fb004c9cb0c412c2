"""Wrong answer: decodes the reply without skip_special_tokens=True (the end-of-turn token stays in)."""

MUTANT_EXPECTS = "still holds the end-of-turn token"

def chat_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

def reply(model, tokenizer, messages, n_tokens):
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt", add_special_tokens=False)
    out = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:])
