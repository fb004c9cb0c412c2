"""Hidden checks for kata 26: `no_repeat_ngram_size` bans repeated n-grams in generate()."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = (
    "no_repeat_ngram_size",
    "NoRepeatNGramLogitsProcessor",
    "max_new_tokens",
    "skip_special_tokens",
    "do_sample",
)

LESSON = """\
Greedy decoding picks the most likely token at every step, and once a tiny (or not so tiny) model
has written a run of tokens, writing the same run again is often the most likely thing to do: the
output loops. generate() can rule this out with `no_repeat_ngram_size=n`: before each new token it
looks at the last n-1 tokens of the sequence and bans every token that would complete an n-token
run already present anywhere in the sequence, the prompt included. The ban is absolute (the banned
tokens' scores become -inf, through a NoRepeatNGramLogitsProcessor), so a repeated n-gram simply
cannot occur; among the tokens still allowed, greedy decoding stays greedy. With n=1 no token may
appear twice at all.

`repetition_penalty` is a different knob and a common mix-up: it only divides (or multiplies) the
scores of tokens seen before, so repeats become less likely but stay possible, and it acts on single
tokens, not on runs of them. Filtering the text after generation is no substitute either: the model
already spent its budget on the loop.

So: `model.generate(**inputs, no_repeat_ngram_size=ngram, max_new_tokens=n_tokens)` (greedy is the
default, leave `do_sample` off), then decode only the ids after the prompt with
`skip_special_tokens=True`. The check draws a prompt, `ngram` from 1 to 3 and a budget, runs your
function on GPT-2, Llama, Qwen2 and Mistral checkpoints, looks at the logits processors generate() actually
applied (a ban of the drawn size must be among them), and compares your text with its own greedy
decode under the same ban.
"""

HINTS = (
    "generate() has a setting that forbids any run of n tokens from appearing twice in the sequence; "
    "its name says exactly that.",
    "Pass `no_repeat_ngram_size=ngram` and `max_new_tokens=n_tokens` to `model.generate(...)` "
    "(greedy is the default; keep it).",
    "`out = model.generate(**inputs, no_repeat_ngram_size=ngram, max_new_tokens=n_tokens)`, then decode "
    "`out[0, inputs[\"input_ids\"].shape[1]:]` with `skip_special_tokens=True`.",
)

PENALTY_LESSON = (
    "Your `repetition_penalty` only lowers the scores of tokens seen before: it never forbids a "
    "repeat, and it punishes single tokens, not runs of them, so a repeated n-gram stays possible "
    "(and greedy decoding often still picks it). This kata wants the repeat ruled out: generate() has "
    "a setting that bans any run of n tokens from occurring twice."
)
NO_CONTROL_LESSON = (
    "generate() ran with no n-gram ban, and greedy decoding on its own happily loops: nothing stopped "
    "a run of tokens from occurring twice. Ask generate() itself to forbid repeated runs of `ngram` "
    "tokens while it decodes (cleaning up the text afterwards is too late)."
)
SIZE_LESSON = (
    "generate() banned repeated n-grams of another length than the drawn `ngram`: "
    "`no_repeat_ngram_size` is the number of tokens in the run that may not repeat."
)
VALUE_LESSON = (
    "Your text is not the greedy continuation with repeated n-grams banned: exactly `n_tokens` new "
    "tokens, the most likely allowed token at each step, and only the new text returned with special "
    "tokens left out."
)


def first_repeat(ids: list[int], prompt_length: int, ngram: int) -> tuple[int, ...] | None:
    """The first n-gram ending among the new tokens that already occurred earlier in `ids`."""
    seen = {tuple(ids[i:i + ngram]) for i in range(min(prompt_length, len(ids)) - ngram + 1)}
    for end in range(max(prompt_length + 1, ngram), len(ids) + 1):
        gram = tuple(ids[end - ngram:end])
        if gram in seen:
            return gram
        seen.add(gram)
    return None


def _repeat_shown(watch: generate_watches.GenerateWatch, prompt_length: int, ngram: int, tokenizer) -> dict:
    """Name a repeated n-gram from the learner's own output, when there is one."""
    for sequences in watch.sequences:
        for row in sequences or []:
            gram = first_repeat(row, prompt_length, ngram)
            if gram is not None:
                return {"repeated_ngram": tokenizer.convert_ids_to_tokens(list(gram))}
    return {}


@check("continue_without_repeats generates greedily with no_repeat_ngram_size", family=zoo.DECODERS)
def bans_repeated_ngrams(attempt, name):
    model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)

    @given(prompt=s.sentences(1, 8), ngram=st.integers(1, 3), n_tokens=st.integers(3, 8))
    def prop(prompt, ngram, n_tokens):
        drawn = dict(prompt=prompt, ngram=ngram, n_tokens=n_tokens)
        with generate_watches.watch_generate() as watch:
            got = attempt.continue_without_repeats(model, tokenizer, prompt, ngram, n_tokens)
        got = returns.expect_text(got, "continue_without_repeats", name, **drawn)
        generate_watches.expect_generate_called(watch, "continue_without_repeats", name, **drawn)
        reference = decoders.continuation(name, prompt, n_tokens, no_repeat_ngram_size=ngram)
        sizes = [p["settings"].get("ngram_size") for p in watch.processors_of("NoRepeatNGramLogitsProcessor")]
        if ngram not in sizes:
            if sizes:
                fail(SIZE_LESSON, on=name, **drawn, banned_size=sizes[0])
            repeat = _repeat_shown(watch, len(reference.prompt_ids), ngram, checkpoints.tokenizer(name))
            if watch.processors_of("RepetitionPenaltyLogitsProcessor"):
                fail(PENALTY_LESSON, on=name, **drawn, **repeat)
            fail(NO_CONTROL_LESSON, on=name, **drawn, **repeat)
        if reference.matches(got):
            return
        decoders.reject_prompt_echo(reference, got, name, **drawn)
        generate_watches.reject_sampling(watch, name, **drawn)
        fail(VALUE_LESSON, on=name, **drawn, expected=reference.text, got=got)

    prop()
