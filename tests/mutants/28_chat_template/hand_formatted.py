"""Wrong answer: the chat formatted by hand ("role: content" lines), not with the tokenizer's template."""

MUTANT_EXPECTS = "formatted by hand"


def chat_prompt(tokenizer, messages):
    lines = "".join(f"{message['role']}: {message['content']}\n" for message in messages)
    return lines + "assistant:"


def reply(model, tokenizer, messages, n_tokens):
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
