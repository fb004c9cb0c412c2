"""Hidden checks for kata 04: AutoModelForMaskedLM, the tokenizer's own mask token, top-k at the mask."""

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit import track_a1 as a1
from autokata.kit.outcomes import LearnerCrash

HINTS = (
    "Filling a blank is what masked language models were pre-trained on, and their Auto class is named "
    "after it. Never type the mask token: `tokenizer.mask_token_id` knows it.",
    "The mask's position is `(inputs[\"input_ids\"][0] == tokenizer.mask_token_id).nonzero()[0, 0]`; "
    "the scores for that blank are `logits[0, position]`.",
    "`logits[0, position].topk(k).indices` lists the best ids first; decode each one alone: "
    "`tokenizer.decode([token_id]).strip()`.",
)

HEAD_LESSON = (
    "AutoModelForMaskedLM loads the head that guesses a hidden token from the words on both sides of "
    "it. `{got}` is not that masked-LM class: a causal LM (AutoModelForCausalLM) reads only the left "
    "context, to predict the next token."
)
MASK_LESSON = (
    "This checkpoint's mask token is `{mask}`, not `[MASK]`. Code that looks for the string \"[MASK]\" "
    "(or its id) finds no blank here: take the mask from the tokenizer, `tokenizer.mask_token_id`."
)
WHOLE_SEQUENCE_LESSON = (
    "You took the best scores over every position of the sentence, not at the blank. Find the position "
    "of `tokenizer.mask_token_id` in `input_ids` and rank the scores there only."
)
PIECES_LESSON = (
    "You returned raw vocabulary pieces (with markers such as `Ġ` or `▁` from the tokenizer's "
    "vocabulary). Decode each id on its own with `tokenizer.decode([token_id])`, then strip it."
)
ORDER_LESSON = "You found the right tokens, but not best first: sort them by score, highest first (`topk` does)."
SPACES_LESSON = "Strip the spaces around each decoded token: some tokenizers keep a word's leading space inside it."
VALUE_LESSON = "Your tokens are not the `k` best at the mask's position."


@check("load_mlm loads the masked-LM class for the checkpoint", family=zoo.ENCODERS)
def loads_the_masked_lm_class(attempt, name):
    a1.load_with(attempt, "load_mlm", name, "AutoModelForMaskedLM", HEAD_LESSON)


@check("load_mlm loads the checkpoint's trained weights", family=zoo.ENCODERS)
def loads_trained_weights(attempt, name):
    model = m.expect_model(attempt.load_mlm(m.checkpoint(name)), "load_mlm", name)
    m.expect_loaded(model, name)


def _ranked(name, text, k):
    """The reference top-k ids at the mask, and at each position's best (the whole-sentence mistake)."""
    import torch

    tokenizer = m.tokenizer(name)
    batch = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        logits = m.reference("AutoModelForMaskedLM", name)(**batch).logits[0]
    position = batch["input_ids"][0].tolist().index(tokenizer.mask_token_id)
    return {
        "at the mask": logits[position].topk(k).indices.tolist(),
        "whole sentence": logits.max(dim=0).values.topk(k).indices.tolist(),
        "whole sentence, flattened": [i % logits.shape[-1] for i in logits.flatten().topk(k).indices.tolist()],
    }


def _words(name, ids, **decoding):
    tokenizer = m.tokenizer(name)
    return [tokenizer.decode([token], **decoding).strip() for token in ids]


def _fill(attempt, model, tokenizer, name, text, k, shown):
    """The learner's list. Where the mask is not `[MASK]`, a crash or an empty list gets the mask
    lesson: that is what code looking for "[MASK]" does when it finds no blank."""
    mask_lesson = MASK_LESSON.format(mask=tokenizer.mask_token) if tokenizer.mask_token != "[MASK]" else None
    try:
        got = attempt.fill_mask(model, tokenizer, text, k)
    except LearnerCrash as crash:
        if mask_lesson:
            fail(mask_lesson, on=name, **shown, your_code_raised=a1.crash_line(crash))
        raise
    if mask_lesson and isinstance(got, (list, tuple)) and not got:
        fail(mask_lesson, on=name, **shown, got=got)
    return a1.expect_str_list(got, "fill_mask", name, k, **shown)


def _matches(got, plain, skipped):
    """Each token decoded (specials kept or skipped, both fine) and stripped."""
    return all(g.strip() in (p, q) for g, p, q in zip(got, plain, skipped))


@check("fill_mask returns the k best tokens at the tokenizer's mask, decoded and stripped", family=zoo.ENCODERS)
def fills_the_blank(attempt, name):
    model = a1.private_copy("AutoModelForMaskedLM", name)
    tokenizer = a1.private_tokenizer(name)
    mask = tokenizer.mask_token

    @given(left=st.lists(s.words(), max_size=6), right=st.lists(s.words(), max_size=6), k=st.integers(1, 10))
    @example(left=["good", "music", "makes", "a"], right=["drive", "feel", "short"], k=5)  # a spaced token on RoBERTa
    def prop(left, right, k):
        text = " ".join([*left, mask, *right])
        shown = dict(text=text, k=k)
        got = _fill(attempt, model, tokenizer, name, text, k, shown)
        ranked = _ranked(name, text, k)
        best = ranked["at the mask"]
        expected = _words(name, best)
        if _matches(got, expected, _words(name, best, skip_special_tokens=True)):
            if any(g != g.strip(" ") for g in got):
                fail(SPACES_LESSON, on=name, **shown, expected=expected, got=got)
            return
        wrong_places = (_words(name, ranked[key]) for key in ranked if key != "at the mask")
        if any(_matches(got, words, words) for words in wrong_places):
            fail(WHOLE_SEQUENCE_LESSON, on=name, **shown, expected=expected, got=got)
        if got == [t.strip() for t in m.tokenizer(name).convert_ids_to_tokens(best)]:
            fail(PIECES_LESSON, on=name, **shown, expected=expected, got=got)
        if sorted(g.strip() for g in got) == sorted(expected):
            fail(ORDER_LESSON, on=name, **shown, expected=expected, got=got)
        fail(VALUE_LESSON, on=name, **shown, expected=expected, got=got)

    prop()
