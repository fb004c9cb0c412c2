"""Wrong answer: a TextIteratorStreamer read only after generate() has returned (no thread), so
every piece reaches on_text after the whole continuation is written."""

from transformers import TextIteratorStreamer

MUTANT_EXPECTS = "only after generate() had returned"


def stream(model, tokenizer, prompt, n_tokens, on_text):
    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
    inputs = tokenizer(prompt, return_tensors="pt")
    model.generate(**inputs, max_new_tokens=n_tokens, do_sample=False, streamer=streamer)
    pieces = []
    for piece in streamer:
        if piece:
            pieces.append(piece)
            on_text(piece)
    return "".join(pieces)
