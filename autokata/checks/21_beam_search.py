"""Hidden checks for kata 21: beam search with num_beams and num_return_sequences."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import decoding as d
from autokata.kit import strategies as s

HINTS = (
    "Beam search is a single generate() call: one setting says how many beams to keep while "
    "searching, another how many finished sequences to hand back.",
    "`model.generate(**inputs, num_beams=num_beams, num_return_sequences=k, max_new_tokens=max_new_tokens)` "
    "returns k rows, best first.",
    "Every row begins with the prompt: keep `row[inputs[\"input_ids\"].shape[1]:]` and decode the rows with "
    "`tokenizer.batch_decode(..., skip_special_tokens=True)`.",
)

GREEDY_LESSON = (
    "generate() ran greedy search (num_beams=1): it follows a single candidate, so there are no ranked "
    "beams to return. Pass `num_beams` to search with beams."
)
BEAMS_FROM_K_LESSON = (
    "generate() searched with k beams instead of `num_beams`: k is how many finished beams to hand back "
    "(`num_return_sequences`), not how many to keep while searching."
)
BEAM_COUNT_LESSON = "generate() searched with another number of beams than the `num_beams` you were given."
ALL_BEAMS_LESSON = (
    "You returned every beam, but the kata asks for the k best only: `num_return_sequences=k` makes "
    "generate() return just those, best first."
)
PROMPT_LESSON = (
    "Your texts start with the prompt. Each row generate() returns for a decoder-only model is the prompt "
    "followed by the continuation: keep only the tokens after the prompt."
)
ORDER_LESSON = (
    "You returned the right beams in another order: generate() already sorts them best first, keep that order."
)
VALUE_LESSON = "Your beams differ from a reference beam search with the same prompt, number of beams, k and budget."

#: At least two beams returned out of at least three searched, so k and num_beams can never be swapped unseen.
beams_and_k = st.integers(3, 5).flatmap(lambda beams: st.tuples(st.just(beams), st.integers(2, beams)))


def _beam_settings(watched: d.Watched, name: str, drawn: dict) -> None:
    """Every generate() call must search with the drawn number of beams."""
    beams, k = drawn["num_beams"], drawn["k"]
    for asked in watched.asked("num_beams"):
        if asked == beams:
            continue
        if asked == k:
            fail(BEAMS_FROM_K_LESSON, on=name, **drawn, beams_generate_used=asked)
        if asked in (None, 1):
            fail(GREEDY_LESSON, on=name, **drawn, beams_generate_used=1)
        fail(BEAM_COUNT_LESSON, on=name, **drawn, beams_generate_used=asked)


@check("top_beams returns the k best beams, best first, without the prompt", family=zoo.DECODERS)
def returns_the_k_best_beams(attempt, name):
    @given(prompt=s.sentences(1, 6), beams_k=beams_and_k, budget=st.integers(2, 8))
    def prop(prompt, beams_k, budget):
        beams, k = beams_k
        drawn = dict(prompt=prompt, num_beams=beams, k=k, max_new_tokens=budget)
        model, tokenizer = d.model_for_learner(name), d.tokenizer_for_learner(name)
        watched = d.watch(
            lambda: attempt.top_beams(model, tokenizer, prompt, beams, k, budget),
            on_crash=lambda w: _beam_settings(w, name, drawn),
        )
        d.expect_generate_called(watched, "top_beams", name)
        _beam_settings(watched, name, drawn)
        got = watched.result
        if isinstance(got, (list, tuple)) and len(got) == beams != k:
            fail(ALL_BEAMS_LESSON, on=name, **drawn, got_count=len(got))
        got = d.expect_texts(got, k, "top_beams", name, **drawn)
        expected = d.reference_texts(name, prompt, num_beams=beams, num_return_sequences=k, max_new_tokens=budget)
        if d.same_texts(got, expected):
            return
        if all(g.rstrip().endswith(e.strip()) and len(g.strip()) > len(e.strip()) for g, e in zip(got, expected)):
            fail(PROMPT_LESSON, on=name, **drawn, expected=expected, got=got)
        if sorted(t.strip() for t in got) == sorted(t.strip() for t in expected):
            fail(ORDER_LESSON, on=name, **drawn, expected=expected, got=got)
        d.expect_no_sampling(watched, name, **drawn, expected=expected, got=got)
        d.expect_budget(watched, budget, name, **drawn, expected=expected, got=got)
        fail(VALUE_LESSON, on=name, **drawn, expected=expected, got=got)

    prop()
