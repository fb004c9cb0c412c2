"""Wrong answer: a TextStreamer without skip_prompt=True, so the prompt is streamed too."""

from transformers import TextStreamer

MUTANT_EXPECTS = "received the prompt too"


class Forwarder(TextStreamer):
    def __init__(self, tokenizer, on_text):
        super().__init__(tokenizer, skip_special_tokens=True)
        self.on_text = on_text

    def on_finalized_text(self, text, stream_end=False):
        if text:
            self.on_text(text)


def stream(model, tokenizer, prompt, n_tokens, on_text):
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False, streamer=Forwarder(tokenizer, on_text))
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True)
