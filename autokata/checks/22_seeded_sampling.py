"""Hidden checks for kata 22: seeded sampling with the given knobs, all n samples from one generate call."""

import functools
import math

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = (
    "do_sample", "manual_seed", "set_seed", "num_return_sequences", "top_k", "top_p", "temperature",
    "skip_special_tokens", "batch_decode",
)

LESSON = """\
generate() samples only when asked to: `do_sample=True`. Without it, generate() searches greedily (or
with beams), and `top_k`, `top_p` and `temperature` change nothing at all: generate() only logs a note.
With sampling on, the three knobs shape the distribution each token is drawn from: `temperature`
divides the scores before the softmax (below 1 sharpens, above 1 flattens; 0 raises), `top_k` keeps
the k most likely tokens, `top_p` keeps the smallest set of most likely tokens whose probabilities
reach p. They must reach generate() under those exact names: a misspelled name stored in a
GenerationConfig is kept without complaint and generate() samples with its defaults.

The random draws come from torch's global random generator. `torch.manual_seed(seed)` right before
generate() puts it in a known state, so the same seed gives the same samples (transformers'
`set_seed(seed)` seeds torch too). Anything that draws random numbers between the seed and generate()
moves the state, and the samples with it.

Ask for the n samples in that one call with `num_return_sequences=n`: generate() draws all the rows
together, step by step. n calls of one sample each use the random numbers in another order, so they
give other samples; re-seeding before each call gives n copies of the same sample. Beams are no way to
get n samples either: `num_beams=n` with sampling is beam *sampling*, one search whose beams compete.

Decode only the new tokens of each row, `out[:, inputs["input_ids"].shape[1]:]`, with
`tokenizer.batch_decode(..., skip_special_tokens=True)`, in the order generate() returns them.

The checks put torch's generator in an unrelated state before calling you, see the state it is in
when your generate() call starts and the settings it resolved, and compare your texts with their own
seeded call for two different seeds.
"""

HINTS = (
    "Sampling is off unless you switch it on; seed torch's global generator just before the one "
    "generate() call that draws all n samples.",
    "`torch.manual_seed(seed)` then `model.generate(**inputs, do_sample=True, top_k=top_k, top_p=top_p, "
    "temperature=temperature, num_return_sequences=n, max_new_tokens=max_new_tokens)`.",
    "Keep only the new tokens of each row (`out[:, inputs[\"input_ids\"].shape[1]:]`) and decode them with "
    "`skip_special_tokens=True`.",
)

GREEDY_LESSON = (
    "generate() did not sample, so it searched greedily and the three knobs had no effect: they shape a "
    "distribution to draw from, and generate() draws only when told to."
)
KNOB_LESSON = (
    "generate() sampled with other knob values than the ones you were given: a setting generate() does not "
    "receive under its exact name (the name the signature uses) is silently ignored, for instance an "
    "unknown name stored in a GenerationConfig, and generate() falls back to its default."
)
SEED_NOT_SET_LESSON = (
    "Your samples come from whatever state torch's random generator was in: the seed was never applied. "
    "generate() draws from torch's global generator, and it was in the state the checks left it in."
)
SAME_FOR_SEEDS_LESSON = (
    "Two different seeds gave you the same samples although the model's distribution lets them differ: "
    "your samples do not depend on `seed` (a fixed seed, or none used where it matters)."
)
ONE_CALL_LESSON = (
    "You called generate() several times. Seeded once, a single call that asks for n sequences draws "
    "all n samples together; separate calls consume the random numbers differently."
)
RESEEDED_LESSON = (
    "You called generate() once per sample and seeded torch before each call, so every call began from the "
    "same random state: your samples are draws with the same random numbers, not n samples of one seeded "
    "draw. Seed once, then draw all n in a single generate() call."
)
SEED_ELSEWHERE_LESSON = (
    "Torch's random generator was seeded, but it was not in the state `seed` puts it in when your "
    "generate() call began: it was seeded with another value, or random numbers were drawn between the "
    "seeding and generate()."
)
BEAM_SAMPLING_LESSON = (
    "generate() ran a beam search while sampling (your num_beams > 1): that is one search whose beams "
    "compete, not n independent samples, so its texts are other texts. Draw the n samples without beams."
)
VALUE_LESSON = (
    "Your samples differ from a reference that seeds torch with `seed` right before one sampling generate() "
    "call with the same knobs, n and budget."
)

_KNOBS = ("top_k", "top_p", "temperature")
#: An offset that moves torch's state away from any drawn seed before the learner runs.
_DECOY = 7_919_113


def _sampling_settings(watched: generate_watches.Watched, name: str, drawn: dict) -> None:
    """Every generate() call must sample, without beams, with exactly the drawn knobs."""
    for config in watched.requests:
        if not getattr(config, "do_sample", False):
            fail(GREEDY_LESSON, on=name, **drawn)
        beams = getattr(config, "num_beams", 1)
        if isinstance(beams, int) and beams > 1:
            fail(BEAM_SAMPLING_LESSON, on=name, **drawn, num_beams_generate_used=beams)
        used = {knob: getattr(config, knob, None) for knob in _KNOBS}
        wrong = {k: v for k, v in used.items() if not _same_number(v, drawn[k])}
        if wrong:
            fail(KNOB_LESSON, on=name, **drawn, values_generate_used=used)


def _same_number(value, wanted) -> bool:
    try:
        return value is not None and math.isclose(float(value), wanted, rel_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _state_after_seeding(seed: int):
    """Torch's global generator state right after `torch.manual_seed(seed)`."""
    import torch

    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return torch.random.get_rng_state()


def _seeding(runs: dict, name: str, drawn: dict) -> None:
    """Judge the seeding from the generator state each generate() call began in, not from the texts."""
    import torch

    def began_in(watched: generate_watches.Watched, seed: int) -> bool:
        return torch.equal(watched.rng_states[0], _state_after_seeding(seed))

    if not all(watched.rng_states for _got, watched in runs.values()):
        return
    for seed, (_got, watched) in runs.items():
        if began_in(watched, seed + _DECOY):
            fail(SEED_NOT_SET_LESSON, on=name, **drawn, seed=seed)
    (first, (_, one)), (second, (_, other)) = runs.items()
    if torch.equal(one.rng_states[0], other.rng_states[0]):
        fail(SAME_FOR_SEEDS_LESSON, on=name, **drawn, seeds=[first, second], got_for_both=runs[first][0])
    for seed, (_got, watched) in runs.items():
        if not began_in(watched, seed):
            fail(SEED_ELSEWHERE_LESSON, on=name, **drawn, seed=seed)
        if watched.calls > 1:
            seeded = _state_after_seeding(seed)
            lesson = RESEEDED_LESSON if all(torch.equal(st, seeded) for st in watched.rng_states) else ONE_CALL_LESSON
            fail(lesson, on=name, **drawn, seed=seed, generate_calls=watched.calls)


def _reference(name: str, seed: int, drawn: dict) -> list[str]:
    return list(_seeded_reference(name, seed, tuple(sorted(drawn.items()))))


@functools.lru_cache(maxsize=256)
def _seeded_reference(name: str, seed: int, drawn: tuple) -> tuple[str, ...]:
    """The samples for a seed are the same every time: kept (watch's warm-up leaves them to later checks)."""
    import torch

    knobs = dict(drawn)
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return tuple(decoders.reference_texts(
            name, knobs["prompt"], do_sample=True, top_k=knobs["top_k"], top_p=knobs["top_p"],
            temperature=knobs["temperature"], num_return_sequences=knobs["n"], max_new_tokens=knobs["max_new_tokens"],
        ))


def _sample(attempt, name: str, seed: int, drawn: dict) -> tuple[list[str], generate_watches.Watched]:
    """The learner's samples for `seed`, with torch's generator set elsewhere beforehand."""
    import torch

    model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)
    knobs = (drawn["n"], drawn["top_k"], drawn["top_p"], drawn["temperature"], drawn["max_new_tokens"])
    shown = dict(drawn, seed=seed)
    with torch.random.fork_rng():  # the decoy seeding is done where the learner's code runs
        watched = generate_watches.watch(
            lambda: attempt.sample(model, tokenizer, drawn["prompt"], seed, *knobs),
            on_crash=lambda w: _sampling_settings(w, name, shown),
            seed_first=seed + _DECOY,
        )
    generate_watches.expect_generate_called(watched, "sample", name)
    _sampling_settings(watched, name, shown)
    return returns.expect_texts(watched.result, drawn["n"], "sample", name, **shown), watched


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
    # Narrow knobs: the tiny model's samples then take few values, and only what was called tells mistakes apart.
    @example(prompt="the cat", seeds=[3, 11], n=3, top_k=3, top_p=0.7, temperature=0.7, budget=3)
    def prop(prompt, seeds, n, top_k, top_p, temperature, budget):
        drawn = dict(prompt=prompt, n=n, top_k=top_k, top_p=top_p, temperature=temperature, max_new_tokens=budget)
        runs = {seed: _sample(attempt, name, seed, drawn) for seed in seeds}
        _seeding(runs, name, drawn)
        expected = {seed: _reference(name, seed, drawn) for seed in seeds}
        first, second = seeds
        differ = not decoders.same_texts(expected[first], expected[second])
        if differ and decoders.same_texts(runs[first][0], runs[second][0]):
            fail(SAME_FOR_SEEDS_LESSON, on=name, **drawn, seeds=seeds, got_for_both=runs[first][0])
        for seed, (got, watched) in runs.items():
            if decoders.same_texts(got, expected[seed]):
                continue
            shown = dict(drawn, seed=seed, expected=expected[seed], got=got)
            generate_watches.expect_budget(watched, budget, name, **shown)
            fail(VALUE_LESSON, on=name, **shown)

    prop()
