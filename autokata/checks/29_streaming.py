"""Hidden checks for kata 29: a streamer hands generate()'s new text out piece by piece, while
generate() is still running."""

import random
from functools import cache

from hypothesis import assume, example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.zoo.corpus import WORDS
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns, streaming
from autokata.kit import strategies as s

ANSWER = (
    "TextStreamer",
    "TextIteratorStreamer",
    "BaseStreamer",
    "streamer",
    "on_finalized_text",
    "skip_prompt",
    "stream_end",
    "skip_special_tokens",
    "max_new_tokens",
    "do_sample",
    "threading",
    "Thread",
)

LESSON = """\
A chat interface shows words while the model is still writing them. generate() supports this
through a streamer: pass `streamer=...` and generate() calls `streamer.put(ids)` with the prompt's
ids first, then with each new token the moment it exists, and `streamer.end()` when it is done.
Decoding the finished output and cutting it into pieces afterwards looks the same in a test, but
the reader still waits for everything.

transformers ships two text streamers:
- `TextStreamer(tokenizer, skip_prompt=True)` decodes the growing sequence and hands each finished
  piece of new text to `on_finalized_text(text, stream_end=False)`, which prints it. Subclass it and
  override `on_finalized_text` to send the pieces elsewhere (here: to `on_text`).
- `TextIteratorStreamer(tokenizer, skip_prompt=True)` puts the pieces in a queue you iterate over.
  generate() blocks until the whole continuation is written, so run it in a
  `threading.Thread(target=model.generate, kwargs=...)` and loop over the streamer in your own thread
  while it works; iterating only after generate() returned hands every piece out at the end.

Pitfalls: without `skip_prompt=True` both streamers pass the prompt on as text too. A streamer only
passes on text that can no longer change (never half a character); what is still held back when
generation ends comes in one last call flagged `stream_end=True` (the end-of-stream flush), and an
`on_finalized_text` that ignores it loses the end of the text. Decoding each token on its own loses
the spaces and characters that only exist between tokens. Extra decode settings
(`skip_special_tokens=True`) go to the streamer's constructor.

The check runs your `stream` on GPT-2, Llama, Qwen2 and Mistral checkpoints with a recorder as `on_text`: it
notes when each piece arrives (generate() still running or not; a generate() running in another
thread is given time for your reader to pass each piece on), requires more than one piece, the
pieces to join to the full greedy decode, no prompt among them, and the returned text to equal it.
It includes continuations whose end is only delivered by the end-of-stream flush.
"""

HINTS = (
    "generate() can hand each new token, the moment it exists, to an object you give it; transformers "
    "ships ready-made ones that turn the tokens into finished pieces of text.",
    "Pass a `streamer=` to generate(): subclass `TextStreamer(tokenizer, skip_prompt=True)` and "
    "override `on_finalized_text(self, text, stream_end=False)` to call `on_text(text)` and keep the "
    "piece.",
    "`model.generate(**inputs, max_new_tokens=n_tokens, streamer=my_streamer)`, then return "
    "`\"\".join(pieces)`. (Or: a `TextIteratorStreamer`, generate in a `threading.Thread`, and "
    "`for piece in streamer: on_text(piece)` while it runs.)",
)

PROMPT_STREAMED_LESSON = (
    "`on_text` received the prompt too: generate first hands the streamer the prompt's own ids, and a "
    "streamer passes them on as text unless you create it with `skip_prompt=True`."
)
PROMPT_SENT_LESSON = (
    "`on_text` received the prompt's text too: only the new text is streamed, the reader already has "
    "the prompt."
)
NOTHING_LESSON = (
    "`on_text` was never called with any text: the reader saw nothing until your function returned. "
    "Each piece of new text should reach `on_text` while the model writes it."
)
ONCE_LESSON = (
    "`on_text` received the text in one go, so nothing was streamed: decoding once after generate() "
    "returns makes the reader wait for the whole answer. generate() can hand each new token to an "
    "object of yours the moment it exists; let it, and pass each finished piece on."
)
AFTER_LESSON = (
    "The pieces reached `on_text` only after generate() had finished: cutting the finished text into "
    "pieces is not streaming, the reader still waits for the whole answer. Let generate() hand out "
    "each token while the model is still writing."
)
QUEUE_AFTER_LESSON = (
    "Your streamer filled up, but every piece reached `on_text` only after generate() had returned: "
    "generate() blocks until the whole continuation is written, so reading an iterator streamer's "
    "queue after the call hands everything out at the end. Run generate() in another thread and read "
    "the pieces while that thread works, without waiting for it to finish first (or pass each piece "
    "on from inside the streamer)."
)
FLUSH_LESSON = (
    "Your pieces stop short of the end: the last piece of text never reached `on_text`. A streamer "
    "holds back text that may still change, and what it holds when generation ends comes in one last "
    "call flagged `stream_end=True` (the end-of-stream flush); that piece is part of the text too."
)
JOIN_LESSON = (
    "The streamed pieces do not join up to the continuation's text. Decoding each token on its own "
    "loses spaces and splits characters; decode the growing sequence and pass on only the finished "
    "new part."
)
PIECE_TYPE_LESSON = "`on_text` should be called with pieces of text (`str`), not token ids or other objects."
VALUE_LESSON = (
    "Your returned text is not the greedy continuation: generate exactly `n_tokens` new tokens "
    "greedily and return only the new text (the streamed pieces joined), special tokens left out."
)


@cache
def streamed(name: str, prompt: str, n_tokens: int) -> tuple[tuple[str, ...], str]:
    """The non-empty pieces a TextStreamer(skip_prompt=True) makes of the reference continuation
    (fed token by token, as generate() would: a streamer only decodes, no model needed), and the
    text only its end-of-stream flush delivers."""
    import torch

    pieces: list[str] = []
    streamer = streaming.piece_recorder(checkpoints.tokenizer(name), pieces.append)
    reference = decoders.continuation(name, prompt, n_tokens)
    streamer.put(torch.tensor([reference.prompt_ids]))
    for token in reference.new_ids:
        streamer.put(torch.tensor([token]))
    before_end = len(pieces)
    streamer.end()
    return tuple(pieces), "".join(pieces[before_end:])


def telling(name: str, prompt: str, n_tokens: int) -> bool:
    """Only continuations a streamer really cuts into several pieces that join up to the full
    decode tell streaming from decoding once."""
    pieces, _ = streamed(name, prompt, n_tokens)
    return len(pieces) >= 2 and decoders.continuation(name, prompt, n_tokens).matches("".join(pieces))


@cache
def flush_cases(name: str, count: int = 2) -> tuple[tuple[str, int], ...]:
    """Prompts whose continuation ends with text only the end-of-stream flush delivers (a streamer
    passes letters on at once, so most continuations leave nothing to flush): found by a fixed
    search over corpus words, so every learner run sees them first."""
    rng = random.Random(29)
    found: list[tuple[str, int]] = []
    for _ in range(200):
        prompt = " ".join(rng.sample(WORDS, rng.randint(1, 6)))
        n_tokens = rng.randint(3, 8)
        if telling(name, prompt, n_tokens) and streamed(name, prompt, n_tokens)[1].strip():
            found.append((prompt, n_tokens))
            if len(found) == count:
                break
    return tuple(found)


def _generated_all(watch: generate_watches.GenerateWatch, reference: decoders.Continuation) -> bool:
    """Did one of the learner's generate() calls write the whole reference continuation?"""
    new = list(reference.new_ids)
    return any(sequences and list(sequences[0])[-len(new):] == new for sequences in watch.sequences)


def _flush_missed(
    reference: decoders.Continuation, text: str, pieces: list[str], watch: generate_watches.GenerateWatch
) -> bool:
    """Do a streamer's pieces give the continuation's text without its end, although generate() wrote
    it all?"""
    stripped = text.strip()
    return (
        bool(pieces and stripped)
        and reference.text.lstrip().startswith(stripped)
        and not reference.matches(text)
        and _generated_all(watch, reference)
        and watch.used_a_streamer()
    )


@check("stream hands the new text to on_text piece by piece and returns it whole", family=zoo.DECODERS)
def streams_the_continuation(attempt, name):
    model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)

    @given(prompt=s.sentences(1, 8), n_tokens=st.integers(3, 8))
    def prop(prompt, n_tokens):
        reference = decoders.continuation(name, prompt, n_tokens)
        assume(telling(name, prompt, n_tokens))
        expected_pieces, _ = streamed(name, prompt, n_tokens)
        drawn = dict(prompt=prompt, n_tokens=n_tokens)
        sink = streaming.TextSink()
        with streaming.PacedWatch(name) as watch:  # sink and pacing run where the learner's code runs
            got = attempt.stream(model, tokenizer, prompt, n_tokens, sink)
        got = returns.expect_text(got, "stream", name, **drawn)
        generate_watches.expect_generate_called(watch, "stream", name, **drawn)
        if not all(isinstance(piece, str) for piece in sink.pieces):
            fail(PIECE_TYPE_LESSON, on=name, **drawn, got=sink.pieces)
        pieces = [piece for piece in sink.pieces if piece]
        joined = "".join(pieces)
        shown = dict(on=name, **drawn, expected_pieces=list(expected_pieces), got_pieces=pieces)
        if reference.echoes_prompt(joined):
            fail(PROMPT_STREAMED_LESSON if watch.used_a_streamer() else PROMPT_SENT_LESSON, **shown)
        if not reference.matches(got):
            decoders.reject_prompt_echo(reference, got, name, **drawn)
            generate_watches.reject_sampling(watch, name, **drawn)
            if got == joined and _flush_missed(reference, joined, pieces, watch):
                fail(FLUSH_LESSON, **shown, expected=reference.text, got=got)
            if len(pieces) >= 2 and got == joined and watch.used_a_streamer():
                fail(JOIN_LESSON, **shown, expected=reference.text, got=got)
            fail(VALUE_LESSON, on=name, **drawn, expected=reference.text, got=got)
        if not pieces:
            fail(NOTHING_LESSON, **shown)
        if _flush_missed(reference, joined, pieces, watch):
            fail(FLUSH_LESSON, **shown, missing=reference.text.strip()[len(joined.strip()):])
        if len(pieces) < 2:
            fail(ONCE_LESSON, **shown)
        if not reference.matches(joined):
            fail(JOIN_LESSON, **shown)
        if not sink.arrived_during_generation(watch):
            after = [steps for piece, steps in zip(sink.pieces, sink.steps_before) if piece]
            lesson = QUEUE_AFTER_LESSON if watch.used_a_streamer() else AFTER_LESSON
            fail(lesson, **shown, steps_done_at_each_piece=after)

    for prompt, n_tokens in flush_cases(name):
        prop = example(prompt=prompt, n_tokens=n_tokens)(prop)
    prop()
