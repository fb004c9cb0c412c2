"""Wrong answer: a streamer of its own that decodes each new token alone (spaces get lost)."""

MUTANT_EXPECTS = "Decoding each token on its own loses spaces"

from transformers.generation.streamers import BaseStreamer

def stream(model, tokenizer, prompt, n_tokens, on_text):
    class S(BaseStreamer):
        def __init__(self):
            self.first = True; self.parts = []
        def put(self, value):
            if self.first:
                self.first = False; return
            for t in value.reshape(-1).tolist():
                p = tokenizer.decode([t], skip_special_tokens=True)
                self.parts.append(p); on_text(p)
        def end(self):
            pass
    s = S()
    inputs = tokenizer(prompt, return_tensors="pt")
    model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False, streamer=s)
    return "".join(s.parts)
