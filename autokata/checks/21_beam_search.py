"""Hidden checks for kata 21: the k best beams of a beam search, best first, prompt left out."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = ("num_beams", "num_return_sequences", "skip_special_tokens", "batch_decode")

LESSON = """\
Beam search is one generate() call with two settings that are easy to confuse. `num_beams` is how many
candidate sequences the search keeps alive at every step: with num_beams=1 (the default) generate() is
plain greedy search. `num_return_sequences` is how many of the finished beams generate() hands back,
ranked by score, best first; it can never exceed `num_beams` (generate() raises), and greedy search
with num_return_sequences > 1 raises too, since there is only one candidate to return.

So the k best of a search with B beams is
`model.generate(**inputs, num_beams=B, num_return_sequences=k, max_new_tokens=budget)`. Searching with
k beams instead of B is a narrower search and finds other sequences; asking for all B and slicing the
first k gives the same texts, but generate() can return exactly the k you want. The rows come back
best first already: do not re-sort them.

For a decoder-only model every returned row starts with the prompt tokens, so keep
`out[:, inputs["input_ids"].shape[1]:]` and decode those rows with
`tokenizer.batch_decode(..., skip_special_tokens=True)`. Beam search is deterministic: leave sampling
off (do_sample=True with beams is beam *sampling*, random again).

The checks draw a beam count of 3 to 5 and a k of at least 2, so k and num_beams cannot be swapped
unseen, run your function on every zoo decoder, watch which settings generate() resolved, and compare
your texts with their own beam search on the same readable copy of the model.
"""

HINTS = (
    "Beam search is a single generate() call: one setting says how many candidates to keep while "
    "searching, another how many finished ones to hand back.",
    "`model.generate(**inputs, num_beams=num_beams, num_return_sequences=k, max_new_tokens=max_new_tokens)` "
    "returns k rows, best first.",
    "Every row begins with the prompt: keep `row[inputs[\"input_ids\"].shape[1]:]` and decode the rows with "
    "`tokenizer.batch_decode(..., skip_special_tokens=True)`.",
)

GREEDY_LESSON = (
    "generate() ran greedy search (a single beam): it follows one candidate, so there are no ranked "
    "beams to return. Searching with beams is a setting of generate(), off by default."
)
BEAMS_FROM_K_LESSON = (
    "generate() searched with k beams instead of the beam count you were given: k is how many finished "
    "beams to hand back, not how many to keep alive while searching, and a narrower search finds other beams."
)
BEAM_COUNT_LESSON = "generate() searched with another number of beams than the beam count you were given."
ALL_BEAMS_LESSON = (
    "You returned every beam, but the kata asks for the k best only: generate() can hand back just the k "
    "best finished beams, best first, if you ask it for that many sequences."
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


def _beam_settings(watched: generate_watches.Watched, name: str, drawn: dict) -> None:
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
        model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)
        watched = generate_watches.watch(
            lambda: attempt.top_beams(model, tokenizer, prompt, beams, k, budget),
            on_crash=lambda w: _beam_settings(w, name, drawn),
        )
        generate_watches.expect_generate_called(watched, "top_beams", name)
        _beam_settings(watched, name, drawn)
        got = watched.result
        if isinstance(got, (list, tuple)) and len(got) == beams != k:
            fail(ALL_BEAMS_LESSON, on=name, **drawn, got_count=len(got))
        got = returns.expect_texts(got, k, "top_beams", name, **drawn)
        expected = decoders.reference_texts(
            name, prompt, num_beams=beams, num_return_sequences=k, max_new_tokens=budget
        )
        if decoders.same_texts(got, expected):
            return
        if all(g.rstrip().endswith(e.strip()) and len(g.strip()) > len(e.strip()) for g, e in zip(got, expected)):
            fail(PROMPT_LESSON, on=name, **drawn, expected=expected, got=got)
        if sorted(t.strip() for t in got) == sorted(t.strip() for t in expected):
            fail(ORDER_LESSON, on=name, **drawn, expected=expected, got=got)
        generate_watches.expect_no_sampling(watched, name, **drawn, expected=expected, got=got)
        generate_watches.expect_budget(watched, budget, name, **drawn, expected=expected, got=got)
        fail(VALUE_LESSON, on=name, **drawn, expected=expected, got=got)

    prop()
