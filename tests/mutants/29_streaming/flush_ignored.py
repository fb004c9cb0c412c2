"""Wrong answer: a TextStreamer whose on_finalized_text drops the end-of-stream call, taking it
for a bare "done" signal, so text still held back when generation ends is lost."""

from transformers import TextStreamer

MUTANT_EXPECTS = "the last piece of text never reached `on_text`"


class Forwarder(TextStreamer):
    def __init__(self, tokenizer, on_text):
        super().__init__(tokenizer, skip_prompt=True, skip_special_tokens=True)
        self.on_text = on_text
        self.pieces = []

    def on_finalized_text(self, text, stream_end=False):
        if stream_end:
            return
        if text:
            self.pieces.append(text)
            self.on_text(text)


def stream(model, tokenizer, prompt, n_tokens, on_text):
    streamer = Forwarder(tokenizer, on_text)
    inputs = tokenizer(prompt, return_tensors="pt")
    model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False, streamer=streamer)
    return "".join(streamer.pieces)
