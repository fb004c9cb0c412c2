"""Hidden checks for kata 07: AutoModelForQuestionAnswering and the answer-span search.

The QA head of a zoo checkpoint is random, so the check writes its own head:
it solves for head weights that give planted start/end logits on the drawn
pair. The plant makes every classic mistake land on its own wrong span: the
best start comes after the best end (independent argmax), a higher-scoring
span sits in the question, a special token next to the context outscores the
context (a start peak on the special token before it, or an end peak on the
one after it), longer spans (one token over the limit, and further) outscore
the best span that respects the limit, a span one token under the limit is
beaten by one exactly at the limit, and (drawn) the best span is a single
token, which a search demanding start < end misses. The context's other
tokens score low at both ends, so multiplying start and end logits (two
negatives make a large product) lands on yet another span.

The question's peak sits on a question token whose character offsets, used on
the context, cut a piece that starts past the context's first character and
is no whole-token span of the context: a learner who searched the question and
sliced the context with its offsets returns text no context-only mistake can
produce, and a short prefix of the context is never blamed on the question.
"""

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.zoo.corpus import RARE_WORDS, WORDS
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, forward_passes, loading
from autokata.kit.outcomes import Plain

ANSWER = (
    "AutoModelForQuestionAnswering",
    "QuestionAnswering",
    "ForQuestionAnswering",
    "QuestionAnsweringPipeline",
    "question-answering",
    "qa_outputs",
    "start_logits",
    "end_logits",
    "sequence_ids",
    "token_type_ids",
    "return_offsets_mapping",
    "offset_mapping",
    "char_to_token",
    "token_to_chars",
)

LESSON = """
Extractive question answering points at the answer inside the context. AutoModelForQuestionAnswering
loads the encoder and adds a head (qa_outputs) that gives every token two scores: start_logits and
end_logits, each of shape [batch, tokens]. AutoModel stops at hidden states; a sequence or token
classifier has no start/end scores.

Encode the question and the context as one pair, question first:
tokenizer(question, context, return_offsets_mapping=True, return_tensors="pt"). Pop the
offset_mapping before calling the model (it is not a model input) and pass everything else,
token_type_ids included: BERT-like models mark the context's tokens with type 1, and without them the
model reads the context as more question. Not every tokenizer returns token_type_ids (RoBERTa and
DistilBERT have none), so do not ask for that key by name.

The answer is a search, not two argmaxes. A span (start, end) scores start_logits[start] +
end_logits[end] (logits are log-scores: they add, they do not multiply). The best start and the best
end taken separately can give end < start. Keep only spans with start <= end (a single token is a
span), at most max_answer_tokens tokens long (end - start + 1 <= max_answer_tokens), and whose ends
are both context tokens: encoding.sequence_ids() is 1 for the context, 0 for the question and None
for special tokens such as [CLS] and [SEP]. A special token can score high, and its offsets (0, 0)
would cut a wrong piece out of the context. token_type_ids == 1 is not the same test: BERT gives the
final [SEP] type 1 too.

Return context[offsets[start][0]:offsets[end][1]]: the exact characters of the context, with its own
case and spacing. tokenizer.decode() of the span's ids may lower-case it or change its spaces.

The checks give the model a head planted so that every classic mistake lands on its own span: the
best start after the best end, a higher-scoring span in the question, special tokens that outscore
the context, longer spans that outscore the limit, a one-token best span, and a product of logits
that prefers two low scores. They compare your text with the best allowed span of the same logits.
"""

HINTS = (
    "The model scores every token as a possible first token and as a possible last token of the "
    "answer. The answer is the best allowed *pair* (start before or at end, inside the context, "
    "not too long), not the two best tokens on their own.",
    "Load with AutoModelForQuestionAnswering. Encode `tokenizer(question, context, "
    "return_offsets_mapping=True, return_tensors=\"pt\")` and pop the offsets before calling the "
    "model. `encoding.sequence_ids()` is 1 for context tokens; only those may start or end the answer.",
    "Try every start and end among the context tokens with `start <= end < start + max_answer_tokens`, "
    "keep the pair with the largest `start_logits[start] + end_logits[end]`, and return "
    "`context[offsets[start][0]:offsets[end][1]]`.",
)

HEAD_LESSON = (
    "`{got}` has no start/end scores: extractive question answering needs a head that scores every "
    "token as the answer's first token and as its last."
)
INDEPENDENT_LESSON = (
    "You took the best start and the best end separately. Alone they can form an impossible span "
    "(here the best end comes before the best start); score every pair with start <= end together "
    "and keep the best pair."
)
QUESTION_LESSON = (
    "Your span comes from the question. The answer must lie inside the context: only the tokens the "
    "tokenizer assigns to the second text of the pair may start or end it."
)
SPECIAL_LESSON = (
    "Your span starts or ends on a special token ([CLS], [SEP], <s>, </s>) that the tokenizer adds "
    "around and between the texts. Special tokens are not part of the context (their character span "
    "is empty), so they may neither start nor end the answer, however high they score."
)
SAME_TOKEN_LESSON = (
    "Your search never lets a span start and end on the same token (start < end). A one-token "
    "answer is a span too: the rule is start <= end, and here the best span is one token long."
)
ONE_SHORT_LESSON = (
    "Your spans stop one token short: a span from start to end covers end - start + 1 tokens, and "
    "max_answer_tokens of them are allowed (here the best span is exactly that long)."
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
    "substring of `context`, cut from the first character of the span's first token to the last "
    "character of its last token (the tokenizer can tell you where each token sits in the text)."
)
SUBSTRING_LESSON = (
    "Your answer is not a piece of the context. Cut it out of `context`, from the first character of "
    "the span's first token to the last character of its last token."
)
TOKEN_TYPES_LESSON = (
    "The model saw the context as part of the question: its token_type_ids were all 0. The tokenizer "
    "marks the context's tokens with token_type_ids 1; pass every tensor it returns to the model "
    "(only the character offsets come out)."
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
#: The question's peak ends higher than any context token, so a span from it into the context loses.
QUESTION_PEAK, LONE_PEAK, LONE_LOW, LAST_LOW = (4.0, 10.0), 9.0, -3.0, -3.5
SPAN_START, RIGHT_END, ONE_OVER_END, FAR_END = 6.0, 5.0, 6.0, 6.5
ONE_SHORT_END, SINGLE_END = 4.0, 5.5
SPECIAL_START, SPECIAL_END = 8.0, 7.0
#: Which special token outscores the context: the one just before it, or the one just after it.
SIDES = ("before", "after")


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


def _question_peak(encoding, context, seed):
    """The question token the plant makes score highest (see the module docstring)."""
    sequence = encoding.sequence_ids()
    offsets = encoding["offset_mapping"][0].tolist()
    question = [i for i, s in enumerate(sequence) if s == 0]
    inside = [i for i, s in enumerate(sequence) if s == 1]
    starts, ends = {offsets[i][0] for i in inside}, {offsets[i][1] for i in inside}

    def telling(i):
        a, b = offsets[i]
        return a > 0 and context[a:b] and not (a in starts and b in ends)

    pool = [i for i in question if telling(i)] or [i for i in question if offsets[i][0] > 0] or question
    return pool[seed % len(pool)]


def _plant(model, encoding, context, k_share, extra_share, seed, side, single):
    """Write head weights so the logits on this encoding follow the plant; returns max_answer_tokens."""
    import torch

    sequence = encoding.sequence_ids()
    context_tokens = [i for i, s in enumerate(sequence) if s == 1]
    c = context_tokens
    n = len(c)
    k = 1 + int(k_share * (n - 4))
    far = 2 + k + int(extra_share * (n - 3 - k))
    generator = torch.Generator().manual_seed(seed)
    target = torch.randn(len(sequence), 2, generator=generator, dtype=torch.float64) * BACKGROUND
    target[[i for i, s in enumerate(sequence) if s is None]] = SPECIAL
    target[c] += CONTEXT_FLOOR
    target[_question_peak(encoding, context, seed)] = torch.tensor(QUESTION_PEAK)
    target[c[0]] = torch.tensor([LONE_LOW, LONE_PEAK])
    target[c[-1]] = torch.tensor([LONE_PEAK, LAST_LOW])
    target[c[1], 0] = SPAN_START
    if k >= 2:
        target[c[k - 1], 1] = ONE_SHORT_END
    target[c[k], 1] = RIGHT_END
    target[c[1 + k], 1] = ONE_OVER_END
    target[c[far], 1] = FAR_END
    if single and k >= 2:
        target[c[1], 1] = SINGLE_END
    if side == "before":
        target[c[0] - 1, 0] = SPECIAL_START
    else:
        target[c[-1] + 1, 1] = SPECIAL_END

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
    """The right span and each wrong reading of the same logits, as texts a learner could return.

    A wrong reading whose span is the right one is left out (it teaches nothing here).
    """
    import torch

    inputs = {key: value for key, value in encoding.items() if key != "offset_mapping"}
    with torch.no_grad():
        output = model(**inputs)
    starts, ends = output.start_logits[0].tolist(), output.end_logits[0].tolist()
    offsets = encoding["offset_mapping"][0].tolist()
    sequence = encoding.sequence_ids()
    ids = encoding["input_ids"][0]
    in_context = [i for i, s in enumerate(sequence) if s == 1]
    in_text = [i for i, s in enumerate(sequence) if s is not None]
    specials = [i for i, s in enumerate(sequence) if s is None]
    everything = list(range(len(sequence)))

    def top(scores, positions):
        return max(positions, key=lambda i: scores[i])

    def best(positions, limit, score=lambda s, e: s + e, strict=False):
        pairs = [(s, e) for s in positions for e in positions
                 if (s < e if strict else s <= e) and (limit is None or e - s < limit)]
        return max(pairs, key=lambda p: score(starts[p[0]], ends[p[1]])) if pairs else None

    right = best(in_context, k)

    def texts(*spans):
        found = set()
        for span in spans:
            if span is None or span == right:
                continue
            s, e = span
            source = question if sequence[s] == 0 else context
            piece = ids[min(span): max(span) + 1]
            found |= {
                context[offsets[s][0]: offsets[e][1]],
                context[offsets[min(span)][0]: offsets[max(span)][1]],
                source[offsets[s][0]: offsets[e][1]],
                tokenizer.decode(piece, skip_special_tokens=True).strip(),
                tokenizer.decode(piece).strip(),
            }
        return found

    with_special = [sorted(set(in_context) | set(extra)) for extra in
                    (specials, [in_context[0] - 1], [in_context[-1] + 1])]
    return {
        "right": context[offsets[right[0]][0]: offsets[right[1]][1]],
        "right span": right,
        "decoded": {tokenizer.decode(ids[right[0]: right[1] + 1]).strip()},
        INDEPENDENT_LESSON: texts((top(starts, in_text), top(ends, in_text)),
                                  (top(starts, in_context), top(ends, in_context))),
        SPECIAL_LESSON: texts(*(best(positions, k) for positions in with_special), best(everything, k)),
        SAME_TOKEN_LESSON: texts(best(in_context, k, strict=True)),
        ONE_SHORT_LESSON: texts(best(in_context, k - 1)) if k > 1 else set(),
        OFF_BY_ONE_LESSON: texts(best(in_context, k + 1)),
        LENGTH_LESSON: texts(best(in_context, None)),
        PRODUCT_LESSON: texts(best(in_context, k, score=lambda s, e: s * e)),
        QUESTION_LESSON: texts(best(in_text, k)),
        "scores": (starts, ends, offsets, in_context),
    }


def _lessons(side):
    """The wrong readings in the order they are told apart.

    A span ending on the special token after the context and the independent argmax
    (best end before best start) both cut an empty string; in an example planted on
    the special token after the context, the special token is the cause (an
    independent argmax fails every example, and the first explicit one is planted
    before the context, where the two readings differ).
    """
    first = [SPECIAL_LESSON, INDEPENDENT_LESSON] if side == "after" else [INDEPENDENT_LESSON, SPECIAL_LESSON]
    return first + [SAME_TOKEN_LESSON, ONE_SHORT_LESSON, OFF_BY_ONE_LESSON, LENGTH_LESSON, PRODUCT_LESSON,
                    QUESTION_LESSON]


def _your_span(got, spans):
    """Where a wrong answer sits among the context's spans, with its score, for the message."""
    starts, ends, offsets, in_context = spans["scores"]
    right = spans["right span"]
    shown = {"best_span_score": round(starts[right[0]] + ends[right[1]], 3)}
    for s in in_context:
        for e in in_context:
            if s <= e and offsets[s][0] < offsets[e][1] and got == spans["context"][offsets[s][0]: offsets[e][1]]:
                shown.update(your_span_tokens=e - s + 1, your_span_score=round(starts[s] + ends[e], 3))
                return shown
    return shown


@check("load_reader loads a question-answering head on the trained encoder", family=zoo.ENCODERS)
def loads_a_reader(attempt, name):
    with crashes.on_crash(name):
        model = loading.expect_model(attempt.load_reader(checkpoints.checkpoint(name)), "load_reader", name)
    loading.expect_auto_class(model, "AutoModelForQuestionAnswering", name, {}, HEAD_LESSON)
    loading.expect_loaded(model, name)


#: Edge cases every run meets first (the learner profile draws three examples): a special
#: token before the context outscores it; one after it does, and the best span is one token.
FIRST_EXAMPLES = (
    dict(question="where is the cat?", words=["The", "cat", "sat", "on", "the", "Xylophone", "and",
                                              "looked", "at", "birds."],
         k_share=0.5, extra_share=0.5, seed=11, side="before", single=False),
    dict(question="what did she read?", words=["She", "reads", "the", "news", "before", "Zephyr",
                                               "goes", "to", "work", "today."],
         k_share=0.6, extra_share=0.3, seed=5, side="after", single=True),
)


def _with_first_examples(test):
    for drawn in reversed(FIRST_EXAMPLES):
        test = example(**drawn)(test)
    return test


@check("answer returns the best short span of the context, cut from the context", family=zoo.ENCODERS)
def answers_with_the_best_span(attempt, name):
    tokenizer = checkpoints.tokenizer(name)
    theirs = checkpoints.private_tokenizer(name)
    model = checkpoints.private_copy("AutoModelForQuestionAnswering", name)
    budget = model.config.hidden_size - 2

    @given(
        question=questions(), words=context_words(), k_share=st.floats(0, 0.999),
        extra_share=st.floats(0, 0.999), seed=st.integers(0, 2**16), side=st.sampled_from(SIDES),
        single=st.booleans(),
    )
    @_with_first_examples
    def prop(question, words, k_share, extra_share, seed, side, single):
        context, encoding = _encode(tokenizer, question, words, budget)
        k = _plant(model, encoding, context, k_share, extra_share, seed, side, single)
        drawn = dict(question=question, context=context, max_answer_tokens=k)
        with forward_passes.TokenTypesSeen() as types_seen, crashes.on_crash(name, **drawn):
            got = attempt.answer(checkpoints.for_learner(model), theirs, question, context, k)
        if not isinstance(got, str):
            fail("`answer` should return the answer text, a str.", on=name, **drawn,
                 got=Plain(f"{type(got).__name__}: {got!r}"[:200]))
        spans = _spans(model, tokenizer, encoding, question, context, k)
        spans["context"] = context
        shown = dict(on=name, **drawn, expected=spans["right"], got=got)
        marked = "token_type_ids" in encoding and bool(encoding["token_type_ids"].any())
        if marked and types_seen.counts and not any(types_seen.counts):
            fail(TOKEN_TYPES_LESSON, **shown)
        if got == spans["right"]:
            return
        for lesson in _lessons(side):
            if got in spans[lesson]:
                fail(lesson, **shown)
        if got in spans["decoded"]:
            fail(DECODE_LESSON, **shown)
        if got not in context:
            fail(SUBSTRING_LESSON, **shown)
        fail(VALUE_LESSON, **shown, **_your_span(got, spans))

    prop()
