"""Wrong answer: the template renders only the last message (the question), so the system message
and the earlier turns never reach the model."""

MUTANT_EXPECTS = "leaves out messages of the chat"


def chat_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages[-1:], tokenize=False, add_generation_prompt=True)


def reply(model, tokenizer, messages, n_tokens):
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt", add_special_tokens=False)
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
