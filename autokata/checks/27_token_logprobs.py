"""Hidden checks for kata 27: log-probabilities of generated tokens from generate()'s scores."""

from functools import cache
from numbers import Real

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches
from autokata.kit import strategies as s

ANSWER = (
    "return_dict_in_generate",
    "output_scores",
    "output_logits",
    "compute_transition_scores",
    "normalize_logits",
    "log_softmax",
    "max_new_tokens",
    "do_sample",
)

LESSON = """\
By default generate() hands back only token ids. Ask for more with `return_dict_in_generate=True,
output_scores=True`: the result then carries `sequences` (prompt + new ids) and `scores`, a tuple
with one `[batch, vocab]` tensor per new token. Those scores are logits, as left by whatever logits
processors ran (a temperature, a top-k mask, a repetition ban change them), not probabilities. A
logit becomes a log-probability only through a log-softmax over the whole vocabulary:
log p(token | before) = logit(token) - logsumexp(all logits at that step).

`model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)` does both
steps: it log-softmaxes each step's scores and picks the entry of the token that was chosen, giving
a `[batch, n_new]` tensor; `[0].tolist()` makes the list of floats the kata returns. Without
`normalize_logits=True` you get the raw logits of the chosen tokens. Under greedy decoding with no
processors the scores are the model's own logits; when processors did run, `output_logits=True`
returns the untouched logits alongside.

Without the helpers: one forward pass over prompt + new tokens gives logits at every position, and
the logits at position i predict the token at position i + 1, so the first new token is scored by
the logits at the prompt's last position (the classic off-by-one). `torch.log_softmax(logits, -1)`
then gather the chosen ids.

The check continues a drawn prompt greedily on GPT-2, Llama, Qwen2 and Mistral checkpoints, computes the
log-softmax of its own forward pass, and compares your floats to 1e-4; it recognises raw logits,
probabilities (softmax without the log), and values shifted by one position.
"""

HINTS = (
    "generate() can hand back more than token ids: it can also return what the model scored at each "
    "step. Those numbers are not probabilities yet.",
    "`model.generate(..., return_dict_in_generate=True, output_scores=True)`, then "
    "`model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)` log-softmaxes "
    "the scores and keeps the chosen token's entry at each step.",
    "`out = model.generate(**inputs, max_new_tokens=n_tokens, return_dict_in_generate=True, "
    "output_scores=True)`, then `model.compute_transition_scores(out.sequences, out.scores, "
    "normalize_logits=True)[0].tolist()`.",
)

TYPE_LESSON = (
    "`continuation_logprobs` should return a plain Python list of floats, one per new token "
    "(`tensor[0].tolist()` turns a `[1, n]` tensor into one)."
)
LENGTH_LESSON = (
    "`continuation_logprobs` should return exactly one log-probability per new token: no value for "
    "the prompt's tokens, none missing."
)
RAW_LESSON = (
    "These are raw scores (logits), not log-probabilities: a logit becomes a log-probability only "
    "after a log-softmax over the whole vocabulary at that step, and then every value is <= 0. The "
    "scores generate() hands back are logits, and picking the chosen tokens' entries does not "
    "normalise them unless you ask for it."
)
PROBABILITY_LESSON = (
    "These are probabilities between 0 and 1, not log-probabilities: take the log-softmax of the "
    "scores instead of the softmax."
)
SHIFT_LESSON = (
    "Your values are off by one position. The logits at position i predict the token at position "
    "i + 1, so the first new token is scored by the logits at the prompt's last position."
)
PROCESSED_LESSON = (
    "generate() changed the scores before you normalised them: logits processors ({processors}) mask "
    "or rescale logits, so their log-softmax is no longer the model's distribution. Ask for the plain "
    "greedy continuation, or take the untouched logits (generate() can return those too)."
)
VALUE_LESSON = (
    "Your values are not the log-probabilities of the greedy continuation's tokens "
    "(log-softmax of the model's logits, at the position before each new token)."
)


@cache
def scored(name: str, prompt: str, n_tokens: int) -> dict[str, list[float]]:
    """The right log-probabilities and the plausible wrong readings of the same forward pass
    over prompt + greedy continuation."""
    import torch

    reference = decoders.continuation(name, prompt, n_tokens)
    ids = list(reference.prompt_ids + reference.new_ids)
    with torch.no_grad():
        logits = decoders.reference_model(name)(torch.tensor([ids])).logits[0].float()
    logprobs = torch.log_softmax(logits, dim=-1)
    start = len(reference.prompt_ids)

    def pick(table, first_row, first_token):
        rows = table[first_row:first_row + n_tokens]
        tokens = torch.tensor(ids[first_token:first_token + n_tokens])
        return rows.gather(-1, tokens[:, None])[:, 0].tolist()

    readings = {
        "right": pick(logprobs, start - 1, start),
        "raw": pick(logits, start - 1, start),
        "probabilities": torch.tensor(pick(logprobs, start - 1, start)).exp().tolist(),
        "shift: next position's logits": pick(logprobs, start, start),
        "shift: previous token": pick(logprobs, start - 1, start - 1),
    }
    if start >= 2:
        readings["shift: previous position's logits"] = pick(logprobs, start - 2, start)
    return readings


def _floats(value, count: int, name: str, **drawn) -> list[float]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, Real) for v in value):
        fail(TYPE_LESSON, on=name, **drawn, got=f"{type(value).__name__}: {value!r}")
    if len(value) != count:
        fail(LENGTH_LESSON, on=name, **drawn, expected_count=count, got_count=len(value))
    return [float(v) for v in value]


def _close(got: list[float], expected: list[float]) -> bool:
    return len(got) == len(expected) and all(abs(g - e) <= 1e-4 + 1e-4 * abs(e) for g, e in zip(got, expected))


@check("continuation_logprobs returns the log-probability of each greedy token", family=zoo.DECODERS)
def log_probabilities_of_the_continuation(attempt, name):
    model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)

    @given(prompt=s.sentences(1, 8), n_tokens=st.integers(2, 8))
    def prop(prompt, n_tokens):
        drawn = dict(prompt=prompt, n_tokens=n_tokens)
        with generate_watches.watch_generate() as watch:
            got = attempt.continuation_logprobs(model, tokenizer, prompt, n_tokens)
        got = _floats(got, n_tokens, name, **drawn)
        readings = scored(name, prompt, n_tokens)
        expected = [round(v, 4) for v in readings["right"]]
        shown = dict(on=name, **drawn, expected=expected, got=[round(v, 4) for v in got])
        if _close(got, readings["right"]):
            return
        if _close(got, readings["raw"]):
            fail(RAW_LESSON, **shown)
        if _close(got, readings["probabilities"]):
            fail(PROBABILITY_LESSON, **shown)
        if any(_close(got, v) for k, v in readings.items() if k.startswith("shift")):
            fail(SHIFT_LESSON, **shown)
        generate_watches.reject_sampling(watch, name, **drawn)
        processors = sorted({p["type"] for p in watch.processors_of()})
        if processors:
            fail(PROCESSED_LESSON.format(processors=", ".join(processors)), **shown)
        fail(VALUE_LESSON, **shown)

    prop()
