"""Hidden checks for kata 22: do_sample with top_k/top_p/temperature, seeded once before one generate call."""

import math

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import decoding as d
from autokata.kit import strategies as s

HINTS = (
    "Sampling is off unless you switch it on; seed torch's global generator just before the one "
    "generate() call that draws all n samples.",
    "`torch.manual_seed(seed)` then `model.generate(**inputs, do_sample=True, top_k=top_k, top_p=top_p, "
    "temperature=temperature, num_return_sequences=n, max_new_tokens=max_new_tokens)`.",
    "Keep only the new tokens of each row (`out[:, inputs[\"input_ids\"].shape[1]:]`) and decode them with "
    "`skip_special_tokens=True`.",
)

GREEDY_LESSON = (
    "generate() did not sample (do_sample was off), so it searched greedily and top_k, top_p and "
    "temperature had no effect. Sampling needs `do_sample=True`."
)
KNOB_LESSON = (
    "generate() sampled with other knob values than the ones you were given: a setting it does not "
    "receive under its exact name (`top_k`, `top_p`, `temperature`) is silently ignored, for instance an "
    "unknown name stored in a GenerationConfig, and generate() falls back to its default."
)
SEED_NOT_SET_LESSON = (
    "Your samples come from whatever state torch's random generator was in: the seed was never applied. "
    "Call `torch.manual_seed(seed)` right before generate()."
)
SAME_FOR_SEEDS_LESSON = (
    "Two different seeds gave you the same samples although the model's distribution lets them differ: "
    "your samples do not depend on `seed` (a fixed seed, or none used where it matters)."
)
ONE_CALL_LESSON = (
    "You called generate() several times. Seeded once, a single call with `num_return_sequences=n` draws "
    "all n samples together; separate calls consume the random numbers differently."
)
VALUE_LESSON = (
    "Your samples differ from a reference that seeds torch with `seed` right before one sampling generate() "
    "call with the same knobs, n and budget."
)

_KNOBS = ("top_k", "top_p", "temperature")
#: An offset that moves torch's state away from any drawn seed before the learner runs.
_DECOY = 7_919_113


def _sampling_settings(watched: d.Watched, name: str, drawn: dict) -> None:
    """Every generate() call must sample, with exactly the drawn knobs."""
    for config in watched.requests:
        if not getattr(config, "do_sample", False):
            fail(GREEDY_LESSON, on=name, **drawn)
        used = {knob: getattr(config, knob, None) for knob in _KNOBS}
        wrong = {k: v for k, v in used.items() if v is None or not math.isclose(v, drawn[k], rel_tol=1e-6)}
        if wrong:
            fail(KNOB_LESSON, on=name, **drawn, values_generate_used=used)


def _reference(name: str, seed: int, drawn: dict) -> list[str]:
    import torch

    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return d.reference_texts(
            name, drawn["prompt"], do_sample=True, top_k=drawn["top_k"], top_p=drawn["top_p"],
            temperature=drawn["temperature"], num_return_sequences=drawn["n"], max_new_tokens=drawn["max_new_tokens"],
        )


def _sample(attempt, name: str, seed: int, drawn: dict) -> tuple[list[str], d.Watched]:
    """The learner's samples for `seed`, with torch's generator set elsewhere beforehand."""
    import torch

    model, tokenizer = d.model_for_learner(name), d.tokenizer_for_learner(name)
    knobs = (drawn["n"], drawn["top_k"], drawn["top_p"], drawn["temperature"], drawn["max_new_tokens"])
    shown = dict(drawn, seed=seed)
    with torch.random.fork_rng():
        torch.manual_seed(seed + _DECOY)
        watched = d.watch(
            lambda: attempt.sample(model, tokenizer, drawn["prompt"], seed, *knobs),
            on_crash=lambda w: _sampling_settings(w, name, shown),
        )
    d.expect_generate_called(watched, "sample", name)
    _sampling_settings(watched, name, shown)
    return d.expect_texts(watched.result, drawn["n"], "sample", name, **shown), watched


@check("sample reproduces seeded sampling with the given knobs, and the seed decides the samples", family=zoo.DECODERS)
def seeded_samples(attempt, name):
    @given(
        prompt=s.sentences(1, 6),
        seeds=st.lists(st.integers(0, 2**16), min_size=2, max_size=2, unique=True),
        n=st.integers(2, 3),
        top_k=st.integers(3, 20),
        top_p=st.sampled_from((0.7, 0.8, 0.9, 0.95)),
        temperature=st.sampled_from((0.7, 0.8, 1.2, 1.5)),
        budget=st.integers(2, 5),
    )
    def prop(prompt, seeds, n, top_k, top_p, temperature, budget):
        drawn = dict(prompt=prompt, n=n, top_k=top_k, top_p=top_p, temperature=temperature, max_new_tokens=budget)
        runs = {seed: _sample(attempt, name, seed, drawn) for seed in seeds}
        expected = {seed: _reference(name, seed, drawn) for seed in seeds}
        first, second = seeds
        if not d.same_texts(expected[first], expected[second]) and d.same_texts(runs[first][0], runs[second][0]):
            fail(SAME_FOR_SEEDS_LESSON, on=name, **drawn, seeds=seeds, got_for_both=runs[first][0])
        for seed, (got, watched) in runs.items():
            if d.same_texts(got, expected[seed]):
                continue
            shown = dict(drawn, seed=seed, expected=expected[seed], got=got)
            if d.same_texts(got, _reference(name, seed + _DECOY, drawn)):
                fail(SEED_NOT_SET_LESSON, on=name, **shown)
            if len(watched.requests) > 1:
                fail(ONE_CALL_LESSON, on=name, **shown, generate_calls=len(watched.requests))
            d.expect_budget(watched, budget, name, **shown)
            fail(VALUE_LESSON, on=name, **shown)

    prop()
