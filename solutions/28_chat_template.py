"""Kata 28 · Prompts from chat templates (reference solution)."""


def chat_prompt(tokenizer, messages: list[dict]) -> str:
    """The chat rendered with the tokenizer's template, ready for the assistant to answer."""
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def reply(model, tokenizer, messages: list[dict], n_tokens: int) -> str:
    """The assistant's greedy reply of `n_tokens` tokens, without the prompt."""
    inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors="pt", add_special_tokens=False)
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
