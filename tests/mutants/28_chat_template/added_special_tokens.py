"""Wrong answer: encodes the rendered chat with the tokenizer's own special tokens (a second BOS on Llama)."""

MUTANT_EXPECTS = "special tokens added on top"

def chat_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

def reply(model, tokenizer, messages, n_tokens):
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt")
    out = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
