"""Hidden checks for kata 23: eos_token_id as a stop condition, the budget otherwise."""

from functools import cache

from hypothesis import assume, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import decoding as d
from autokata.kit import models as m
from autokata.kit import strategies as s

HINTS = (
    "generate() stops by itself when it produces the token whose id is its `eos_token_id`, and you can "
    "choose that id for one call.",
    "`stop_id = tokenizer.convert_tokens_to_ids(stop_token)`, then "
    "`model.generate(**inputs, eos_token_id=stop_id, max_new_tokens=max_new_tokens)`.",
    "Decode only the new tokens, `out[0, inputs[\"input_ids\"].shape[1]:]`, with `skip_special_tokens=True`: "
    "the text then ends with the stop token, and no cutting is needed.",
)

SLICING_LESSON = (
    "generate() ran past the stop token and your code cut the text afterwards: every token after the stop "
    "was computed for nothing. Pass the stop token's id as `eos_token_id` so generate() stops by itself."
)
WRONG_ID_LESSON = (
    "generate() was told to stop on another token than `stop_token`, so it did not stop there. "
    "`stop_token` is a token as the vocabulary writes it, not text: encoding it as text can split it, "
    "change it or add a start token. `tokenizer.convert_tokens_to_ids(stop_token)` gives its own id."
)
NO_STOP_LESSON = (
    "Your text goes on after the stop token: generate() was never told about it, so it ran its whole budget. "
    "Pass the stop token's id as `eos_token_id`."
)
VALUE_LESSON = (
    "Your text differs from a reference greedy continuation that stops on the stop token: return only the "
    "new tokens, decoded with `skip_special_tokens=True`."
)
DROPPED_STOP_LESSON = (
    "Your text stops at the right place but leaves the stop token out. generate() keeps the stop token as "
    "the last new token, and the kata asks for the text to end with it: decode every new token."
)
FULL_BUDGET_LESSON = (
    "The model never produces the stop token here, so your text should be the whole greedy continuation: "
    "`max_new_tokens` new tokens, decoded with `skip_special_tokens=True`."
)


@cache
def _stoppable(name: str) -> frozenset[int]:
    """Ordinary vocabulary tokens that print as text: the ones a readable decoder can emit."""
    tokenizer = m.tokenizer(name)
    special = set(tokenizer.all_special_ids)
    return frozenset(i for i in range(len(tokenizer)) if i not in special and not d.unreadable(tokenizer.decode([i])))


def _ids(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _generate_until(attempt, name: str, drawn: dict) -> tuple[str, d.Watched]:
    model, tokenizer = d.model_for_learner(name), d.tokenizer_for_learner(name)
    watched = d.watch(
        lambda: attempt.generate_until(model, tokenizer, drawn["prompt"], drawn["stop_token"], drawn["max_new_tokens"])
    )
    d.expect_generate_called(watched, "generate_until", name)
    return d.expect_text(watched.result, "generate_until", name), watched


def _told_to_stop(watched: d.Watched, stop_id: int) -> bool:
    return all(stop_id in _ids(eos) for eos in watched.asked("eos_token_id")) or all(watched.asked("stop_strings"))


@check("generate_until stops right after the stop token, and generate() stops there too", family=zoo.DECODERS)
def stops_at_the_stop_token(attempt, name):
    default_eos = _ids(m.reference("AutoModelForCausalLM", name).generation_config.eos_token_id)

    @given(prompt=s.sentences(1, 6), budget=st.integers(4, 10), pick=st.integers(0, 1000))
    def prop(prompt, budget, pick):
        full = d.reference_ids(name, prompt, max_new_tokens=budget)[0]
        first_at = {}
        for position, token in enumerate(full[:-1]):
            first_at.setdefault(token, position)
        emitted = sorted((p, t) for t, p in first_at.items() if t in _stoppable(name))
        assume(emitted)
        at, stop_id = emitted[pick % len(emitted)]
        stop_token = m.tokenizer(name).convert_ids_to_tokens(stop_id)
        drawn = dict(prompt=prompt, stop_token=stop_token, max_new_tokens=budget)
        got, watched = _generate_until(attempt, name, drawn)
        expected, without_stop = d.as_texts(name, [full[: at + 1], full[:at]])
        ran_past = max(watched.new_tokens, default=0) > at + 1
        if d.same_text(got, expected) and not ran_past:
            return
        shown = dict(drawn, stop_token_id=stop_id, expected=expected, got=got)
        if d.same_text(got, without_stop) and not ran_past:
            fail(DROPPED_STOP_LESSON, on=name, **shown)
        if not _told_to_stop(watched, stop_id):
            asked = [_ids(eos) for eos in watched.asked("eos_token_id")]
            if any(eos != default_eos for eos in asked):
                fail(WRONG_ID_LESSON, on=name, **shown, eos_token_id_generate_used=asked[0])
            goes_on = got.strip().startswith(expected.strip()) and len(got.strip()) > len(expected.strip())
            if ran_past and not goes_on:
                made = max(watched.new_tokens)
                fail(SLICING_LESSON, on=name, **shown, new_tokens_needed=at + 1, new_tokens_generated=made)
            fail(NO_STOP_LESSON, on=name, **shown)
        d.expect_no_sampling(watched, name, **shown)
        fail(VALUE_LESSON, on=name, **shown)

    prop()


@check("generate_until runs the whole budget when the stop token never comes", family=zoo.DECODERS)
def runs_the_budget_otherwise(attempt, name):
    @given(prompt=s.sentences(1, 6), budget=st.integers(2, 8), pick=st.integers(0, 1000))
    def prop(prompt, budget, pick):
        full = d.reference_ids(name, prompt, max_new_tokens=budget)[0]
        absent = sorted(_stoppable(name) - set(full))
        stop_token = m.tokenizer(name).convert_ids_to_tokens(absent[pick % len(absent)])
        drawn = dict(prompt=prompt, stop_token=stop_token, max_new_tokens=budget)
        got, watched = _generate_until(attempt, name, drawn)
        expected = d.as_texts(name, [full])[0]
        if d.same_text(got, expected):
            return
        d.expect_no_sampling(watched, name, **drawn, expected=expected, got=got)
        d.expect_budget(watched, budget, name, **drawn, expected=expected, got=got)
        fail(FULL_BUDGET_LESSON, on=name, **drawn, expected=expected, got=got)

    prop()
