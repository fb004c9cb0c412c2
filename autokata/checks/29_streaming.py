"""Hidden checks for kata 29: a streamer hands generate()'s new text out piece by piece."""

from functools import cache

from hypothesis import assume, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import scoring as sc
from autokata.kit import strategies as s

HINTS = (
    "generate() accepts a `streamer=` argument and hands it every new token as soon as it exists; "
    "transformers ships `TextStreamer` and `TextIteratorStreamer`.",
    "Subclass `TextStreamer(tokenizer, skip_prompt=True)` and override "
    "`on_finalized_text(self, text, stream_end=False)` to call `on_text(text)` and keep the piece.",
    "`model.generate(**inputs, max_new_tokens=n_tokens, streamer=my_streamer)`, then return "
    "`\"\".join(pieces)`. (Or: a `TextIteratorStreamer`, generate in a `threading.Thread`, and "
    "`for piece in streamer: on_text(piece)`.)",
)

PROMPT_STREAMED_LESSON = (
    "`on_text` received the prompt too: generate first hands the streamer the prompt's own ids, and a "
    "streamer passes them on as text unless you create it with `skip_prompt=True`."
)
ONCE_LESSON = (
    "`on_text` received the text in one go, so nothing was streamed: decoding once after generate() "
    "returns makes the reader wait for the whole answer. Hand generate() a streamer so each piece "
    "reaches `on_text` as soon as it is decoded."
)
AFTER_LESSON = (
    "The pieces reached `on_text` only after generate() had finished: cutting the finished text into "
    "pieces is not streaming. Pass a streamer to generate() (`streamer=...`) so pieces arrive while "
    "the model is still writing."
)
JOIN_LESSON = (
    "The streamed pieces do not join up to the continuation's text. Decoding each token on its own "
    "loses spaces and splits characters; a TextStreamer decodes the growing sequence and passes on "
    "only the finished new part."
)
PIECE_TYPE_LESSON = "`on_text` should be called with pieces of text (`str`), not token ids or other objects."
VALUE_LESSON = (
    "Your returned text is not the greedy continuation: generate exactly `n_tokens` new tokens "
    "greedily and return only the new text (the streamed pieces joined), special tokens skipped."
)


class Sink:
    """The `on_text` the check hands over: it records each piece and how many generate()
    calls had finished when it arrived."""

    def __init__(self, watch: sc.GenerateWatch) -> None:
        self.watch = watch
        self.pieces: list = []
        self.finished_before: list[int] = []

    def __call__(self, text: str) -> None:
        self.pieces.append(text)
        self.finished_before.append(self.watch.finished)

    def arrived_during_generation(self) -> bool:
        total = len(self.watch.calls)
        return any(piece and done < total for piece, done in zip(self.pieces, self.finished_before))


@cache
def streamed_pieces(name: str, prompt: str, n_tokens: int) -> tuple[str, ...]:
    """The non-empty pieces a TextStreamer(skip_prompt=True) makes of the reference continuation
    (fed token by token, as generate() would: a streamer only decodes, no model needed)."""
    import torch
    from transformers import TextStreamer

    pieces: list[str] = []

    class Recorder(TextStreamer):
        def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
            if text:
                pieces.append(text)

    reference = sc.continuation(name, prompt, n_tokens)
    streamer = Recorder(m.tokenizer(name), skip_prompt=True, skip_special_tokens=True)
    streamer.put(torch.tensor([reference.prompt_ids]))
    for token in reference.new_ids:
        streamer.put(torch.tensor([token]))
    streamer.end()
    return tuple(pieces)


@check("stream hands the new text to on_text piece by piece and returns it whole", family=zoo.DECODERS)
def streams_the_continuation(attempt, name):
    model, tokenizer = sc.decoder_for_learner(name), sc.tokenizer_for_learner(name)

    @given(prompt=s.sentences(1, 8), n_tokens=st.integers(3, 8))
    def prop(prompt, n_tokens):
        reference = sc.continuation(name, prompt, n_tokens)
        expected_pieces = streamed_pieces(name, prompt, n_tokens)
        # Only continuations a streamer really cuts into several pieces that join up
        # to the full decode tell streaming from decoding once.
        assume(len(expected_pieces) >= 2 and reference.matches("".join(expected_pieces)))
        drawn = dict(prompt=prompt, n_tokens=n_tokens)
        with sc.watch_generate() as watch:
            sink = Sink(watch)
            got = attempt.stream(model, tokenizer, prompt, n_tokens, sink)
        got = sc.expect_text(got, "stream", name, **drawn)
        sc.expect_generate_called(watch, "stream", name, **drawn)
        if not all(isinstance(piece, str) for piece in sink.pieces):
            fail(PIECE_TYPE_LESSON, on=name, **drawn, got=sink.pieces)
        pieces = [piece for piece in sink.pieces if piece]
        joined = "".join(pieces)
        shown = dict(on=name, **drawn, expected_pieces=list(expected_pieces), got_pieces=pieces)
        if reference.echoes_prompt(joined):
            fail(PROMPT_STREAMED_LESSON, **shown)
        if not reference.matches(got):
            sc.reject_prompt_echo(reference, got, name, **drawn)
            sc.reject_sampling(watch, name, **drawn)
            if len(pieces) >= 2 and got == joined and watch.used_a_streamer():
                fail(JOIN_LESSON, **shown, expected=reference.text, got=got)
            fail(VALUE_LESSON, on=name, **drawn, expected=reference.text, got=got)
        if len(pieces) < 2:
            fail(ONCE_LESSON, **shown)
        if not reference.matches(joined):
            fail(JOIN_LESSON, **shown)
        if not (watch.used_a_streamer() or sink.arrived_during_generation()):
            fail(AFTER_LESSON, **shown)

    prop()
