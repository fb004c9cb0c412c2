"""Hidden checks for kata 02: a causal LM and a greedy decode of exactly n new tokens."""

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, decoders, forward_passes, generate_watches, loading, returns
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForCausalLM",
    "generate",
    "max_new_tokens",
    "min_new_tokens",
    "do_sample",
    "skip_special_tokens",
    "GenerationConfig",
    "generation_config",
    "text-generation",
    "TextGenerationPipeline",
    "GPT2LMHeadModel",
    "LlamaForCausalLM",
    "Qwen2ForCausalLM",
    "MistralForCausalLM",
)

LESSON = """
AutoModelForCausalLM loads a decoder-only checkpoint (GPT-2, Llama, Qwen2, Mistral) with its
language-model head, the layer that turns the last position's vector into one score per vocabulary
token. AutoModel would stop at the hidden states, with nothing to pick a token from.

`model.generate(**inputs, max_new_tokens=n, do_sample=False)` runs the loop: score, pick, append,
score again. Without sampling and with one beam (the defaults of the zoo's checkpoints, but say
`do_sample=False` so a checkpoint's own generation_config cannot turn sampling on) it is greedy:
the most likely token at every step, the same text every time. Beam search (`num_beams > 1`) may
return a sequence whose tokens are not each the greedy choice.

Count the budget with `max_new_tokens`: `max_length` counts the prompt's tokens too, so
`max_length=n` leaves fewer than n new tokens, or none. A real model may stop early at its
end-of-text token; the tiny checkpoints never do.

For a decoder-only model, generate() returns the prompt's ids followed by the new ones. Slice the
prompt off (`output[0, inputs["input_ids"].shape[1]:]`) and decode the rest with
`tokenizer.decode(new_ids, skip_special_tokens=True)`, so no special token (an end-of-text or
padding marker the model produced) reaches the reader.

The checks load every decoder of the zoo with your loader (class and weights), watch the settings
of each generate() call you make, compare your text with a greedy decode computed here, and make
one model emit a special token every other step to see that it never reaches your text.
"""

HINTS = (
    "Left-to-right text models have an Auto class named after the kind of language modelling they "
    "do; the model object has a method that runs the pick-a-token loop for you. Count only new tokens.",
    "`AutoModelForCausalLM.from_pretrained(path)`; `model.generate(**inputs, max_new_tokens=n_tokens, "
    "do_sample=False)`.",
    "new_ids = output[0, inputs[\"input_ids\"].shape[1]:]; return tokenizer.decode(new_ids, "
    "skip_special_tokens=True)",
)

HEAD_LESSON = (
    "`{got}` does not give you a language-model head, the layer that scores the next token, so it "
    "cannot write on from a prompt (AutoModel, for one, stops at hidden states). This kata needs a "
    "left-to-right language model."
)
MAX_LENGTH_LESSON = (
    "`max_length` counts every token of the sequence, the prompt's included, so `max_length=n_tokens` "
    "leaves room for fewer new tokens than asked, or none at all. The budget here counts new tokens "
    "only."
)
BUDGET_LESSON = "Your generate() call allows another number of new tokens than `n_tokens`."
PROMPT_LESSON = (
    "Your text starts with the prompt: a decoder-only model's generate() returns the prompt's ids "
    "followed by the new ones. Drop the first `input_ids.shape[1]` ids before decoding."
)
SAMPLING_LESSON = (
    "You sampled (`do_sample=True`), so every step draws a random token and the same prompt can give "
    "different texts. Here each step takes the most likely token: leave sampling off."
)
BEAMS_LESSON = (
    "You asked for beam search (`num_beams > 1`): it keeps several candidates and returns the best "
    "whole sequence, which need not be the step-by-step most likely choice. Use one beam."
)
VALUE_LESSON = "Your text is not the most-likely continuation of `n_tokens` new tokens."
SPECIALS_LESSON = (
    "Your text holds special tokens ({tokens}) the model generated. The caller wants plain text: the "
    "tokenizer can leave special tokens out while it decodes."
)

#: Prompt and length for the special-token check (its model emits a special token every other step).
SPECIALS_PROMPT, SPECIALS_N_TOKENS = "the cat sat on the", 6


@check("load_generator loads the causal-LM class for the checkpoint", family=zoo.DECODERS)
def loads_the_causal_lm_class(attempt, name):
    loading.load_with(attempt, "load_generator", name, "AutoModelForCausalLM", HEAD_LESSON)


@check("load_generator loads the checkpoint's trained weights", family=zoo.DECODERS)
def loads_trained_weights(attempt, name):
    model = loading.expect_model(attempt.load_generator(checkpoints.checkpoint(name)), "load_generator", name)
    loading.expect_loaded(model, name)


def _diagnose(run, name, prompt, n_tokens, expected, with_prompt):
    """Say what went wrong in a continuation that is not the reference (or crashed)."""
    shown = dict(on=name, prompt=prompt, n_tokens=n_tokens)
    if run.any_request(lambda c: c.max_new_tokens is None and c.max_length == n_tokens):
        said = {"generate_said": crashes.crash_line(run.crash)} if run.crash else {}
        fail(MAX_LENGTH_LESSON, **shown, **said)
    got = returns.expect_text(run.result(), "continue_text", name, **shown)
    starts_with_prompt = got.strip().startswith(prompt) and not expected.strip().startswith(prompt)
    if got.strip() == with_prompt.strip() or starts_with_prompt:
        fail(PROMPT_LESSON, **shown, expected=expected, got=got)
    prompt_length = len(checkpoints.tokenizer(name)(prompt)["input_ids"])
    other = run.any_request(lambda c: generate_watches.new_token_budget(c, prompt_length) != n_tokens)
    if other is not None and len(run.requests) == 1:
        fail(BUDGET_LESSON, **shown, new_tokens_allowed=generate_watches.new_token_budget(other, prompt_length))
    fail(VALUE_LESSON, **shown, expected=expected, got=got)


@check("continue_text returns the greedy continuation of exactly n_tokens, without the prompt", family=zoo.DECODERS)
def continues_greedily(attempt, name):
    model = checkpoints.private_copy("AutoModelForCausalLM", name)
    tokenizer = checkpoints.private_tokenizer(name)

    @given(prompt=s.sentences(1, 8), n_tokens=st.integers(1, 8))
    def prop(prompt, n_tokens):
        run = generate_watches.generating(lambda: attempt.continue_text(model, tokenizer, prompt, n_tokens))
        if run.any_request(generate_watches.samples):
            fail(SAMPLING_LESSON, on=name, prompt=prompt, n_tokens=n_tokens)
        if run.any_request(lambda c: c.num_beams > 1):
            fail(BEAMS_LESSON, on=name, prompt=prompt, n_tokens=n_tokens)
        reference, shared = checkpoints.reference("AutoModelForCausalLM", name), checkpoints.tokenizer(name)
        new_ids = decoders.reference_generate(reference, shared, prompt, max_new_tokens=n_tokens, do_sample=False)[0]
        expected = decoders.decode(shared, new_ids)
        if run.crash is None and isinstance(run.value, str) and run.value.strip() == expected.strip():
            return
        with_prompt = decoders.decode(shared, shared(prompt)["input_ids"] + new_ids)
        _diagnose(run, name, prompt, n_tokens, expected, with_prompt)

    prop()


@check("continue_text leaves out special tokens the model generates", family=zoo.DECODERS)
def drops_special_tokens(attempt, name):
    """The tiny models never emit a special token, so this check makes one do it: a hook on the
    output layer (put on the model your function is handed, where your code runs) makes a special
    token (not the end-of-text one, which would stop generation) the best choice at every other
    forward pass."""
    import torch

    tokenizer = checkpoints.private_tokenizer(name)
    ending = {tokenizer.eos_token_id, tokenizer.pad_token_id}
    specials = [i for i in tokenizer.all_special_ids if i not in ending]
    inputs = tokenizer(SPECIALS_PROMPT, return_tensors="pt")
    # GPT-2's only special token is its end of text: nothing to emit there.
    emitter = forward_passes.SpecialEveryOtherStep(specials[0]) if specials else None
    reference = checkpoints.private_copy("AutoModelForCausalLM", name)
    if emitter is not None:
        emitter.install()
        emitter.apply(reference)
    try:
        with torch.no_grad():
            output = reference.generate(**inputs, max_new_tokens=SPECIALS_N_TOKENS, do_sample=False)
    finally:
        if emitter is not None:
            emitter.uninstall()
    new_ids = output[0, inputs["input_ids"].shape[1]:].tolist()
    expected = decoders.decode(tokenizer, new_ids)
    model = checkpoints.private_copy("AutoModelForCausalLM", name)
    with emitter if emitter is not None else contextlib.nullcontext():
        got = attempt.continue_text(model, tokenizer, SPECIALS_PROMPT, SPECIALS_N_TOKENS)
    got = returns.expect_text(got, "continue_text", name, prompt=SPECIALS_PROMPT, n_tokens=SPECIALS_N_TOKENS)
    if got.strip() == expected.strip():
        return
    shown = dict(on=name, prompt=SPECIALS_PROMPT, n_tokens=SPECIALS_N_TOKENS, expected=expected, got=got)
    left = [token for token in tokenizer.all_special_tokens if token in got]
    if left:
        fail(SPECIALS_LESSON.format(tokens=", ".join(left)), **shown)
    fail(VALUE_LESSON, **shown, generated_ids=new_ids)
