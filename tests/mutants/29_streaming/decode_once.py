"""Wrong answer: generate, decode once at the end, and hand the whole text to on_text."""

MUTANT_EXPECTS = "received the text in one go"


def stream(model, tokenizer, prompt, n_tokens, on_text):
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False)
    text = tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
    on_text(text)
    return text
