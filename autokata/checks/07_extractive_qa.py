"""Hidden checks for kata 07: AutoModelForQuestionAnswering and the answer-span search.

The QA head of a zoo checkpoint is random, so the check writes its own head:
it solves for head weights that give planted start/end logits on the drawn
pair. The plant makes every classic mistake land on its own wrong span: the
best start comes after the best end (independent argmax), a higher-scoring
span sits in the question, and longer spans (one token over the limit, and
further) outscore the best span that respects the limit. The context's other
tokens score low at both ends, so multiplying start and end logits (two
negatives make a large product) lands on yet another span.
"""

from contextlib import contextmanager

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata._corpus import RARE_WORDS, WORDS
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import track_a2 as a2

HINTS = (
    "AutoModelForQuestionAnswering scores every token twice: how likely the answer starts there "
    "(`start_logits`) and how likely it ends there (`end_logits`). The answer is the best *pair*, "
    "not the two best tokens on their own.",
    "Encode `tokenizer(question, context, return_offsets_mapping=True, return_tensors=\"pt\")` and pop "
    "the offsets before calling the model. `encoding.sequence_ids()` is 1 for context tokens; only "
    "those may start or end the answer.",
    "Try every start and end among the context tokens with `start <= end < start + max_answer_tokens`, "
    "keep the pair with the largest `start_logits[start] + end_logits[end]`, and return "
    "`context[offsets[start][0]:offsets[end][1]]`.",
)

HEAD_LESSON = (
    "`{got}` has no start/end scores: extractive question answering needs "
    "AutoModelForQuestionAnswering."
)
INDEPENDENT_LESSON = (
    "You took the best start and the best end separately. Alone they can form an impossible span "
    "(here the best end comes before the best start); score every pair with start <= end together "
    "and keep the best pair."
)
QUESTION_LESSON = (
    "Your span comes from the question. The answer must lie inside the context: keep only tokens "
    "whose `sequence_ids()` value is 1."
)
OFF_BY_ONE_LESSON = (
    "Your answer is one token longer than `max_answer_tokens` allows: a span from start to end "
    "covers end - start + 1 tokens."
)
LENGTH_LESSON = (
    "Your span is longer than `max_answer_tokens` tokens. Limit the search to spans of at most "
    "that many tokens."
)
DECODE_LESSON = (
    "You decoded the answer tokens, which can change the text (lower case, spaces). Return the exact "
    "substring of `context`, cut with the tokens' character offsets (`return_offsets_mapping=True`)."
)
SUBSTRING_LESSON = (
    "Your answer is not a piece of the context. Cut it out of `context` with the offset mapping of "
    "the span's first and last tokens."
)
TOKEN_TYPES_LESSON = (
    "The model saw the context as part of the question: its token_type_ids were all 0. The tokenizer "
    "marks the context's tokens with token_type_ids 1; pass every tensor it returns to the model "
    "(only the offset mapping comes out)."
)
PRODUCT_LESSON = (
    "You multiplied the start and end logits. Logits are log-scores: a span's score is their sum, "
    "start_logits[start] + end_logits[end] (two negative logits multiply into a large positive "
    "number, so a product picks a span both ends dislike)."
)
VALUE_LESSON = (
    "Your answer is not the best span: the context span (start <= end, at most max_answer_tokens "
    "tokens) with the largest start_logits[start] + end_logits[end]. Pass every tokenizer output "
    "(token_type_ids included) to the model, question first."
)

#: Head logits the plant aims for (see the module docstring).
SPECIAL, BACKGROUND, CONTEXT_FLOOR = -4.0, 0.3, -6.0
QUESTION_PEAK, LONE_PEAK, LONE_LOW = 7.0, 9.0, -3.0
SPAN_START, RIGHT_END, ONE_OVER_END, FAR_END = 6.0, 5.0, 6.0, 6.5


def questions() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(lambda w: " ".join(w) + "?")


def context_words() -> st.SearchStrategy[list[str]]:
    """5-10 words, some capitalised or followed by punctuation, at most one rare word."""
    word = st.tuples(st.sampled_from(WORDS), st.booleans(), st.sampled_from(["", "", "", ",", "."])).map(
        lambda t: (t[0].capitalize() if t[1] else t[0]) + t[2]
    )
    rare = st.sampled_from(RARE_WORDS).map(str.capitalize)
    return st.tuples(st.lists(word, min_size=4, max_size=9), rare, st.integers(0, 9)).map(
        lambda t: t[0][: t[2]] + [t[1]] + t[0][t[2]:]
    )


def _encode(tokenizer, question, words, budget):
    """The pair encoding, dropping trailing context words until it fits the head's solvable size.

    The context keeps at least five tokens, which the plant needs.
    """
    fitted = None
    for size in range(len(words), 0, -1):
        context = " ".join(words[:size])
        encoding = tokenizer(question, context, return_offsets_mapping=True, return_tensors="pt")
        if fitted and encoding.sequence_ids().count(1) < 5:
            break
        fitted = context, encoding
        if encoding["input_ids"].shape[1] <= budget:
            break
    return fitted


def _plant(model, encoding, k_share, extra_share, seed):
    """Write head weights so the logits on this encoding follow the plant; returns max_answer_tokens."""
    import torch

    sequence = encoding.sequence_ids()
    question = [i for i, s in enumerate(sequence) if s == 0]
    context = [i for i, s in enumerate(sequence) if s == 1]
    n = len(context)
    k = 1 + int(k_share * (n - 4))
    far = 2 + k + int(extra_share * (n - 3 - k))
    generator = torch.Generator().manual_seed(seed)
    target = torch.randn(len(sequence), 2, generator=generator, dtype=torch.float64) * BACKGROUND
    target[[i for i, s in enumerate(sequence) if s is None]] = SPECIAL
    target[context] += CONTEXT_FLOOR
    target[question[seed % len(question)]] = QUESTION_PEAK
    target[context[0]] = torch.tensor([LONE_LOW, LONE_PEAK])
    target[context[-1]] = torch.tensor([LONE_PEAK, LONE_LOW])
    target[context[1], 0] = SPAN_START
    target[context[k], 1] = RIGHT_END
    target[context[1 + k], 1] = ONE_OVER_END
    target[context[far], 1] = FAR_END

    head = model.qa_outputs
    seen = []
    hook = head.register_forward_hook(lambda module, args, output: seen.append(args[0][0]))
    inputs = {key: value for key, value in encoding.items() if key != "offset_mapping"}
    try:
        with torch.no_grad():
            model(**inputs)
    finally:
        hook.remove()
    hidden = seen[0].double()
    design = torch.cat([hidden, torch.ones(len(hidden), 1, dtype=torch.float64)], dim=1)
    solution = torch.linalg.lstsq(design, target, driver="gelsd").solution
    with torch.no_grad():
        head.weight.copy_(solution[:-1].T.float())
        head.bias.copy_(solution[-1].float())
    return k


def _spans(model, tokenizer, encoding, question, context, k):
    """The right span and each wrong reading of the same logits, as texts a learner could return."""
    import torch

    inputs = {key: value for key, value in encoding.items() if key != "offset_mapping"}
    with torch.no_grad():
        output = model(**inputs)
    starts, ends = output.start_logits[0].tolist(), output.end_logits[0].tolist()
    offsets = encoding["offset_mapping"][0].tolist()
    sequence = encoding.sequence_ids()
    in_context = [i for i, s in enumerate(sequence) if s == 1]
    in_text = [i for i, s in enumerate(sequence) if s is not None]

    def top(scores, positions):
        return max(positions, key=lambda i: scores[i])

    def best(positions, limit, score=lambda s, e: s + e):
        pairs = [(s, e) for s in positions for e in positions if s <= e and (limit is None or e - s < limit)]
        return max(pairs, key=lambda p: score(starts[p[0]], ends[p[1]]))

    def texts(span):
        s, e = span
        ids = encoding["input_ids"][0][min(span): max(span) + 1]
        source = question if sequence[s] == 0 else context
        return {
            context[offsets[s][0]: offsets[e][1]],
            context[offsets[min(span)][0]: offsets[max(span)][1]],
            source[offsets[s][0]: offsets[e][1]],
            tokenizer.decode(ids, skip_special_tokens=True).strip(),
        }

    right = best(in_context, k)
    return {
        "right": context[offsets[right[0]][0]: offsets[right[1]][1]],
        "decoded": {tokenizer.decode(encoding["input_ids"][0][right[0]: right[1] + 1]).strip()},
        INDEPENDENT_LESSON: texts((top(starts, in_text), top(ends, in_text)))
        | texts((top(starts, in_context), top(ends, in_context))),
        QUESTION_LESSON: texts(best(in_text, k)),
        OFF_BY_ONE_LESSON: texts(best(in_context, k + 1)),
        LENGTH_LESSON: texts(best(in_context, None)),
        PRODUCT_LESSON: texts(best(in_context, k, score=lambda s, e: s * e)),
    }


@contextmanager
def token_types_seen(model):
    """Count the non-zero token type ids of each forward pass (models with token type embeddings)."""
    counts = []

    def spy(module, args):
        counts.append(int(args[0].count_nonzero()))

    hooks = [module.register_forward_pre_hook(spy)
             for key, module in model.named_modules() if key.endswith("token_type_embeddings")]
    try:
        yield counts
    finally:
        for hook in hooks:
            hook.remove()


@check("load_reader loads a question-answering head on the trained encoder", family=zoo.ENCODERS)
def loads_a_reader(attempt, name):
    model = m.expect_model(attempt.load_reader(m.checkpoint(name)), "load_reader", name)
    a2.expect_auto_class(model, "AutoModelForQuestionAnswering", name, {}, HEAD_LESSON)
    m.expect_loaded(model, name)


@check("answer returns the best short span of the context, cut from the context", family=zoo.ENCODERS)
def answers_with_the_best_span(attempt, name):
    tokenizer = m.tokenizer(name)
    model = a2.private_copy("AutoModelForQuestionAnswering", name)
    budget = model.config.hidden_size - 2

    @given(
        question=questions(), words=context_words(), k_share=st.floats(0, 0.999),
        extra_share=st.floats(0, 0.999), seed=st.integers(0, 2**16),
    )
    def prop(question, words, k_share, extra_share, seed):
        context, encoding = _encode(tokenizer, question, words, budget)
        k = _plant(model, encoding, k_share, extra_share, seed)
        with token_types_seen(model) as types_seen:
            got = attempt.answer(model, tokenizer, question, context, k)
        if not isinstance(got, str):
            fail("`answer` should return the answer text, a str.", on=name, got=type(got).__name__)
        spans = _spans(model, tokenizer, encoding, question, context, k)
        shown = dict(on=name, question=question, context=context, max_answer_tokens=k,
                     expected=spans["right"], got=got)
        marked = "token_type_ids" in encoding and bool(encoding["token_type_ids"].any())
        if marked and types_seen and not any(types_seen):
            fail(TOKEN_TYPES_LESSON, **shown)
        if got == spans["right"]:
            return
        for lesson in (INDEPENDENT_LESSON, QUESTION_LESSON, OFF_BY_ONE_LESSON, LENGTH_LESSON, PRODUCT_LESSON):
            if got in spans[lesson]:
                fail(lesson, **shown)
        if got in spans["decoded"]:
            fail(DECODE_LESSON, **shown)
        if got not in context:
            fail(SUBSTRING_LESSON, **shown)
        fail(VALUE_LESSON, **shown)

    prop()
