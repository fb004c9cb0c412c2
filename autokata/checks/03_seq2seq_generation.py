"""Hidden checks for kata 03: an encoder-decoder and beam search, decoded without special tokens."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, loading, returns
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForSeq2SeqLM",
    "generate",
    "num_beams",
    "max_new_tokens",
    "skip_special_tokens",
    "GenerationConfig",
    "generation_config",
    "text2text-generation",
    "Text2TextGenerationPipeline",
    "translation",
    "summarization",
    "T5ForConditionalGeneration",
    "BartForConditionalGeneration",
    "MBartForConditionalGeneration",
    "MarianMTModel",
    "PegasusForConditionalGeneration",
)

LESSON = """
AutoModelForSeq2SeqLM loads an encoder-decoder checkpoint (T5, BART, mBART, Marian, Pegasus) whole:
the encoder that reads the input, the decoder that writes while attending to the encoder's vectors,
and the language-model head that scores the decoder's next token. AutoModelForCausalLM is for
decoder-only models: it has no class for T5, and for BART, mBART, Marian or Pegasus it loads the decoder alone,
which never sees the input. AutoModel stops at hidden states.

`model.generate(**inputs, num_beams=num_beams, max_new_tokens=max_new_tokens)` runs beam search:
at every step it keeps the `num_beams` best partial outputs (by summed log-probability) instead of
the single best token, and returns the best finished one. Without `num_beams` it decodes greedily
(one beam); with `do_sample=True` it draws tokens at random, which is no search at all.
`max_new_tokens` counts only what the decoder writes; `max_length` also counts the decoder's start
token, so `max_length=n` allows n - 1 new tokens.

generate() returns decoder ids only (no copy of the input), but they begin with the decoder's start
token (`</s>` for BART and mBART, `<pad>` for T5, Marian and Pegasus) and may end with `</s>`. Decode the best row with
`tokenizer.decode(output[0], skip_special_tokens=True)` so the reader gets plain text.

The checks load every encoder-decoder of the zoo with your loader (class and weights), watch the
settings of each generate() call (tiny models often give the same text greedily and with beams, so
the beam count is read from the call itself) and compare your text with a beam search computed here
with the drawn beams and budget.
"""

HINTS = (
    "Encoder-decoder models have an Auto class of their own, named after turning one sequence into "
    "another; the model's own writing loop can keep several candidates alive at once.",
    "`AutoModelForSeq2SeqLM.from_pretrained(path)`; `model.generate(**inputs, num_beams=num_beams, "
    "max_new_tokens=max_new_tokens)`.",
    "output = model.generate(**tokenizer(text, return_tensors=\"pt\"), num_beams=num_beams, "
    "max_new_tokens=max_new_tokens); return tokenizer.decode(output[0], skip_special_tokens=True)",
)

HEAD_LESSON = (
    "`{got}` is not that encoder-decoder generator: this kata needs both halves of the checkpoint, "
    "the encoder that reads the input and the decoder with the head that writes the output (the "
    "decoder-only AutoModelForCausalLM has no class for T5, and gives BART, mBART, Marian or Pegasus "
    "only their decoder, which never reads the input)."
)
GREEDY_LESSON = (
    "Your generate() call decoded greedily (one beam): it keeps only the best token at each step. "
    "Beam search keeps as many candidates alive as the beam count you were given; ask generate() "
    "for them."
)
BEAM_COUNT_LESSON = "Your generate() call used another number of beams than the beam count you were given."
SAMPLING_LESSON = (
    "You sampled (`do_sample=True`), which makes the output random. Beam search is deterministic: "
    "leave sampling off."
)
SPECIALS_LESSON = (
    "Your text still holds special tokens (the decoder's start token, the end-of-sequence token...). "
    "The reader wants plain text: the tokenizer can leave special tokens out while it decodes."
)
BUDGET_LESSON = (
    "Your generate() call allows another number of new tokens than the budget you were given (for "
    "an encoder-decoder, `max_length` also counts the decoder's start token)."
)
VALUE_LESSON = "Your text is not the beam-search output for these beams and this budget."


@check("load_seq2seq loads the encoder-decoder generation class for the checkpoint", family=zoo.SEQ2SEQ)
def loads_the_seq2seq_class(attempt, name):
    loading.load_with(attempt, "load_seq2seq", name, "AutoModelForSeq2SeqLM", HEAD_LESSON)


@check("load_seq2seq loads the checkpoint's trained weights", family=zoo.SEQ2SEQ)
def loads_trained_weights(attempt, name):
    model = loading.expect_model(attempt.load_seq2seq(checkpoints.checkpoint(name)), "load_seq2seq", name)
    loading.expect_loaded(model, name)


def _expect_beam_search(run, beams, shown):
    """The spy's verdict: tiny models often give the same text greedily and with beams."""
    if run.any_request(generate_watches.samples):
        fail(SAMPLING_LESSON, **shown)
    if run.any_request(lambda c: c.num_beams == 1):
        fail(GREEDY_LESSON, **shown)
    other = run.any_request(lambda c: c.num_beams != beams)
    if other is not None:
        fail(BEAM_COUNT_LESSON, **shown, beams_used=other.num_beams)


def _diagnose(run, name, tokenizer, text, max_new_tokens, expected, shown):
    """Say what went wrong in an output that is not the reference."""
    got = returns.expect_text(run.result(), "transduce", name, **shown)
    specials = [t for t in tokenizer.all_special_tokens if t in got and t not in text]
    if specials:
        fail(SPECIALS_LESSON, **shown, special_tokens_left=specials, expected=expected, got=got)
    other = run.any_request(lambda c: generate_watches.new_token_budget(c, start_length=1) != max_new_tokens)
    if other is not None:
        fail(BUDGET_LESSON, **shown, new_tokens_allowed=generate_watches.new_token_budget(other, start_length=1))
    fail(VALUE_LESSON, **shown, expected=expected, got=got)


@check("transduce returns the beam-search output without special tokens", family=zoo.SEQ2SEQ)
def transduces_with_beams(attempt, name):
    model = checkpoints.private_copy("AutoModelForSeq2SeqLM", name)
    tokenizer = checkpoints.private_tokenizer(name)

    @given(text=s.sentences(1, 8), num_beams=st.integers(2, 5), max_new_tokens=st.integers(2, 8))
    def prop(text, num_beams, max_new_tokens):
        shown = dict(on=name, text=text, num_beams=num_beams, max_new_tokens=max_new_tokens)
        run = generate_watches.generating(lambda: attempt.transduce(model, tokenizer, text, num_beams, max_new_tokens))
        _expect_beam_search(run, num_beams, shown)
        reference, shared = checkpoints.reference("AutoModelForSeq2SeqLM", name), checkpoints.tokenizer(name)
        new_ids = decoders.reference_generate(
            reference, shared, text, num_beams=num_beams, max_new_tokens=max_new_tokens
        )
        expected = decoders.decode(shared, new_ids[0])
        if run.crash is None and isinstance(run.value, str) and run.value.strip() == expected.strip():
            return
        _diagnose(run, name, shared, text, max_new_tokens, expected, shown)

    prop()
