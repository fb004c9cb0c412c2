"""Hidden checks for kata 23: generation ends at a chosen stop token, or at the budget otherwise."""

from functools import cache

from hypothesis import assume, example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = (
    "eos_token_id", "convert_tokens_to_ids", "convert_ids_to_tokens", "get_vocab", "stop_strings",
    "stopping_criteria", "StoppingCriteria", "StoppingCriteriaList", "skip_special_tokens",
)

LESSON = """\
generate() stops a row in two cases: it has made `max_new_tokens` new tokens, or it has just produced a
token whose id is in `eos_token_id`. That setting comes from the model's generation config, but any
call may pass its own: `model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=...)` (an int
or a list of ints). The stop token is kept as the last generated token.

The stop token arrives as a vocabulary entry ('▁the' on Llama, 'Ġthe' on GPT-2), so look its id up
with `tokenizer.convert_tokens_to_ids(stop_token)` (the inverse of `convert_ids_to_tokens`). Encoding
it as text is the classic mistake: `tokenizer.encode('▁the')` may split it into pieces, normalise the
'▁', or put a start-of-text token first, and the id you take is then some other token.

Running the whole budget and cutting the text after the stop gives the right string but computes
every token past the stop for nothing; on a real model that is most of the waiting, so the checks
count the tokens generate() made. A custom `StoppingCriteria` can do the same job, but it must look
at the new tokens only: `input_ids` it receives holds the prompt too, so "stop token anywhere in the
sequence" stops at once when the prompt already contains it. (`stop_strings=` with the tokenizer
passed also works for text stops.)

Decode only the new tokens, `out[0, inputs["input_ids"].shape[1]:]`, with `skip_special_tokens=True`;
no slicing is needed since generation already ended at the stop.

The checks pick stop tokens from the model's own greedy continuation (and from the prompt), and
tokens it never produces, on every zoo decoder; they watch what generate() was told and how many
tokens it made.
"""

HINTS = (
    "generate() already knows how to stop early at an end-of-text token, and you can choose which token "
    "that is for one call; the token comes as the vocabulary writes it, not as text.",
    "`stop_id = tokenizer.convert_tokens_to_ids(stop_token)`, then "
    "`model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=max_new_tokens)`.",
    "Decode only the new tokens, `out[0, inputs[\"input_ids\"].shape[1]:]`, with `skip_special_tokens=True`: "
    "the text then ends with the stop token, and no cutting is needed.",
)

SLICING_LESSON = (
    "generate() ran past the stop token and your code cut the text afterwards: every token after the stop "
    "was computed for nothing. generate() can stop by itself at a token you choose."
)
WRONG_ID_LESSON = (
    "generate() was told to stop on another token than `stop_token`, so it did not stop there. "
    "`stop_token` is a token as the vocabulary writes it, not text: encoding it as text can split it, "
    "change it or add a start token. Look it up in the vocabulary as it is."
)
NO_STOP_LESSON = (
    "Your text goes on after the stop token: generate() was never told about it, so it ran its whole budget "
    "and stopped only where the model's own end-of-text token would stop it."
)
VALUE_LESSON = (
    "Your text differs from a reference greedy continuation that stops on the stop token: return only the "
    "new tokens, without special tokens."
)
DROPPED_STOP_LESSON = (
    "Your text stops at the right place but leaves the stop token out. generate() keeps the stop token as "
    "the last new token, and the kata asks for the text to end with it: decode every new token."
)
PROMPT_STOP_LESSON = (
    "Your stopping rule looks at the whole sequence, prompt included: the stop token already occurs in the "
    "prompt, so generation ended at once. Only the new tokens may stop it."
)
RULE_LESSON = (
    "Your own stopping rule did not end generation right after the model produced the stop token."
)
FULL_BUDGET_LESSON = (
    "The model never produces the stop token here, so your text should be the whole greedy continuation: "
    "`max_new_tokens` new tokens, without special tokens."
)

@cache
def _stoppable(name: str) -> frozenset[int]:
    """Ordinary vocabulary tokens that print as text: the ones a readable decoder can emit."""
    tokenizer = checkpoints.tokenizer(name)
    special = set(tokenizer.all_special_ids)
    return frozenset(
        i for i in range(len(tokenizer)) if i not in special and not decoders.unreadable(tokenizer.decode([i]))
    )


def _ids(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _generate_until(attempt, name: str, drawn: dict) -> tuple[str, generate_watches.Watched]:
    model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)
    watched = generate_watches.watch(
        lambda: attempt.generate_until(model, tokenizer, drawn["prompt"], drawn["stop_token"], drawn["max_new_tokens"])
    )
    generate_watches.expect_generate_called(watched, "generate_until", name)
    return returns.expect_text(watched.result, "generate_until", name), watched


def _own_rule(watched: generate_watches.Watched) -> bool:
    """A stopping rule of the learner's own was handed to generate()."""
    return any(given.get("stopping_criteria") for given in watched.given)


def _prompt_stopped(
    watched: generate_watches.Watched, prompt: str, name: str, stop_id: int, needed: int, shown: dict
) -> None:
    """A rule that sees the prompt's copy of the stop token stops before the `needed` new tokens."""
    in_prompt = stop_id in checkpoints.tokenizer(name)(prompt)["input_ids"]
    if _own_rule(watched) and in_prompt and min(watched.new_tokens, default=needed) < needed:
        fail(PROMPT_STOP_LESSON, on=name, **shown, new_tokens_needed=needed,
             new_tokens_generated=min(watched.new_tokens))


def _told_to_stop(watched: generate_watches.Watched, stop_id: int) -> bool:
    return all(stop_id in _ids(eos) for eos in watched.asked("eos_token_id")) or all(watched.asked("stop_strings"))


@check("generate_until stops right after the stop token, and generate() stops there too", family=zoo.DECODERS)
def stops_at_the_stop_token(attempt, name):
    default_eos = _ids(checkpoints.reference("AutoModelForCausalLM", name).generation_config.eos_token_id)

    @given(prompt=s.sentences(1, 6), budget=st.integers(4, 10), pick=st.integers(0, 1000))
    def prop(prompt, budget, pick):
        full = decoders.reference_ids(name, prompt, max_new_tokens=budget)[0]
        first_at = {}
        for position, token in enumerate(full[:-1]):
            first_at.setdefault(token, position)
        emitted = sorted((p, t) for t, p in first_at.items() if t in _stoppable(name))
        assume(emitted)
        at, stop_id = emitted[pick % len(emitted)]
        stop_token = checkpoints.tokenizer(name).convert_ids_to_tokens(stop_id)
        drawn = dict(prompt=prompt, stop_token=stop_token, max_new_tokens=budget)
        got, watched = _generate_until(attempt, name, drawn)
        expected, without_stop = decoders.as_texts(name, [full[: at + 1], full[:at]])
        ran_past = max(watched.new_tokens, default=0) > at + 1
        if decoders.same_text(got, expected) and not ran_past:
            return
        shown = dict(drawn, stop_token_id=stop_id, expected=expected, got=got)
        if decoders.same_text(got, without_stop) and not ran_past:
            fail(DROPPED_STOP_LESSON, on=name, **shown)
        _prompt_stopped(watched, prompt, name, stop_id, at + 1, shown)
        if _own_rule(watched) and not _told_to_stop(watched, stop_id):
            fail(RULE_LESSON, on=name, **shown, new_tokens_generated=watched.new_tokens)
        if not _told_to_stop(watched, stop_id):
            asked = [_ids(eos) for eos in watched.asked("eos_token_id")]
            if any(eos != default_eos for eos in asked):
                fail(WRONG_ID_LESSON, on=name, **shown, eos_token_id_generate_used=asked[0])
            goes_on = got.strip().startswith(expected.strip()) and len(got.strip()) > len(expected.strip())
            if ran_past and not goes_on:
                made = max(watched.new_tokens)
                fail(SLICING_LESSON, on=name, **shown, new_tokens_needed=at + 1, new_tokens_generated=made)
            fail(NO_STOP_LESSON, on=name, **shown)
        generate_watches.expect_no_sampling(watched, name, **shown)
        fail(VALUE_LESSON, on=name, **shown)

    prop()


@check("generate_until runs the whole budget when the stop token never comes", family=zoo.DECODERS)
def runs_the_budget_otherwise(attempt, name):
    @given(
        prompt=s.sentences(1, 6), budget=st.integers(2, 8), pick=st.integers(0, 1000), from_prompt=st.booleans()
    )
    # A stop token the prompt already holds: only a rule that looks at the prompt too stops on it.
    @example(prompt="the cat sat on the mat and the dog sat too", budget=5, pick=0, from_prompt=True)
    def prop(prompt, budget, pick, from_prompt):
        full = decoders.reference_ids(name, prompt, max_new_tokens=budget)[0]
        absent = sorted(_stoppable(name) - set(full))
        in_prompt = sorted(set(absent) & set(checkpoints.tokenizer(name)(prompt)["input_ids"]))
        choices = in_prompt if from_prompt and in_prompt else absent
        stop_id = choices[pick % len(choices)]
        stop_token = checkpoints.tokenizer(name).convert_ids_to_tokens(stop_id)
        drawn = dict(prompt=prompt, stop_token=stop_token, max_new_tokens=budget)
        got, watched = _generate_until(attempt, name, drawn)
        expected = decoders.as_texts(name, [full])[0]
        if decoders.same_text(got, expected):
            return
        _prompt_stopped(watched, prompt, name, stop_id, budget, dict(drawn, expected=expected, got=got))
        generate_watches.expect_no_sampling(watched, name, **drawn, expected=expected, got=got)
        generate_watches.expect_budget(watched, budget, name, **drawn, expected=expected, got=got)
        fail(FULL_BUDGET_LESSON, on=name, **drawn, expected=expected, got=got)

    prop()
