"""Hidden checks for kata 04: a masked LM, the tokenizer's own mask token, top-k at the mask."""

from functools import cache

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, loading, returns
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "AutoModelForMaskedLM",
    "mask_token",
    "mask_token_id",
    "fill-mask",
    "FillMaskPipeline",
    "BertForMaskedLM",
    "RobertaForMaskedLM",
    "DistilBertForMaskedLM",
    "ElectraForMaskedLM",
    "AlbertForMaskedLM",
    "DebertaV2ForMaskedLM",
)

LESSON = """
AutoModelForMaskedLM loads an encoder with the masked-language-modelling head it was pre-trained
with: for every position it returns `logits` of shape [batch, tokens, vocab_size], one score per
vocabulary token for "the token that belongs here". The guess reads the context on both sides of
the blank, which a causal model (AutoModelForCausalLM) cannot do: it sees only the left side and
predicts the next token, not a hidden one.

Each tokenizer spells its blank its own way: `[MASK]` for BERT, DistilBERT, ELECTRA, ALBERT and
DeBERTa-v2, `<mask>` for RoBERTa. Never type it: `tokenizer.mask_token` is its text and
`tokenizer.mask_token_id` its id. Find the blank's position in `input_ids`
(`(inputs["input_ids"][0] == tokenizer.mask_token_id).nonzero()[0, 0]`) and rank the scores at
that position only, `logits[0, position].topk(k)`, which lists the best ids first. The best scores
over the whole sentence belong to other positions (mostly each visible token predicting itself).

Rank the whole vocabulary: special tokens compete too, and on a weak model `<unk>` or `</s>` may
well be among the best. Filtering them out changes the answer. Decode each id on its own,
`tokenizer.decode([token_id]).strip()`: `convert_ids_to_tokens` gives raw vocabulary pieces
(`Ġthe` for RoBERTa's byte-level BPE, `▁the` for ALBERT's SentencePiece), and a byte-level token
keeps a word's leading space, hence the strip. The `fill-mask` pipeline does the same work.

The checks load every encoder of the zoo with your loader (class and weights) and compare your list
with the ranking computed here on the same model. The model you are handed never prefers tokens
that print as the same text as another (byte-level pieces that decode to '\ufffd', a word with and
without its leading space), so equal lists mean equal rankings; one check makes a special token
score among the best at the blank.
"""

HINTS = (
    "Filling a blank is the game these encoders were pre-trained on, and their Auto class is named "
    "after it. The tokenizer knows its own blank marker: never type it.",
    "`AutoModelForMaskedLM.from_pretrained(path)`; the blank is `tokenizer.mask_token_id` in "
    "`input_ids`; the scores for it are `logits[0, position]`.",
    "position = (inputs[\"input_ids\"][0] == tokenizer.mask_token_id).nonzero()[0, 0]; best = "
    "logits[0, position].topk(k).indices; [tokenizer.decode([i]).strip() for i in best.tolist()]",
)

HEAD_LESSON = (
    "`{got}` is not that masked-LM class: this kata needs a head that guesses a hidden token from "
    "the words on both sides of it. A causal LM (AutoModelForCausalLM) reads only the left context, "
    "to predict the next token."
)
MASK_LESSON = (
    "This checkpoint's blank marker is `{mask}`, not `[MASK]`. Code that looks for the string "
    "\"[MASK]\" (or its id) finds no blank here: ask the tokenizer for its own marker instead of "
    "typing one."
)
WHOLE_SEQUENCE_LESSON = (
    "You took the best scores over every position of the sentence, not at the blank. Find where the "
    "blank sits in the input ids and rank the scores at that position only."
)
PIECES_LESSON = (
    "You returned raw vocabulary pieces (with markers such as `Ġ` or `▁` from the tokenizer's "
    "vocabulary). Decode each id on its own with `tokenizer.decode([token_id])`, then strip it."
)
ORDER_LESSON = "You found the right tokens, but not best first: sort them by score, highest first."
SPACES_LESSON = "Strip the spaces around each decoded token: some tokenizers keep a word's leading space inside it."
VALUE_LESSON = "Your tokens are not the `k` best at the blank's position."
SPECIALS_DROPPED_LESSON = (
    "You left special tokens out of the ranking: `{special}` scores among the best at the blank here, "
    "so it belongs in the list, in its place. Every vocabulary entry competes; filtering some out "
    "moves the tokens after them up and changes the answer."
)

#: A logit no visible token comes near: tokens given it never rank among the best.
_NEVER = -1.0e4


@check("load_mlm loads the masked-LM class for the checkpoint", family=zoo.ENCODERS)
def loads_the_masked_lm_class(attempt, name):
    loading.load_with(attempt, "load_mlm", name, "AutoModelForMaskedLM", HEAD_LESSON)


@check("load_mlm loads the checkpoint's trained weights", family=zoo.ENCODERS)
def loads_trained_weights(attempt, name):
    model = loading.expect_model(attempt.load_mlm(checkpoints.checkpoint(name)), "load_mlm", name)
    loading.expect_loaded(model, name)


def _unreadable(text):
    """Text a decoded token cannot be told apart by: '\ufffd' pieces, control characters, blanks."""
    return "\ufffd" in text or not text.isprintable() or not text.strip()


@cache
def _hidden_ids(name):
    """Ids whose decoded, stripped text is unreadable or repeats another token's (or a special
    token's) text. Two rankings that differ only in such ids would give equal lists of strings, so
    the models of this kata never prefer them; special tokens stay, they compete like any other."""
    tokenizer = checkpoints.tokenizer(name)
    rows = checkpoints.reference("AutoModelForMaskedLM", name).get_output_embeddings().weight.shape[0]
    specials = set(tokenizer.all_special_ids)
    seen = {tokenizer.decode([i]).strip() for i in specials} | {""}
    hidden = []
    for token in range(rows):
        if token in specials:
            continue
        text = tokenizer.decode([token]).strip() if token < len(tokenizer) else ""
        if _unreadable(text) or text in seen:
            hidden.append(token)
        seen.add(text)
    return tuple(hidden)


def _bias(model):
    """The output layer's bias: one number per vocabulary token, added to its score everywhere."""
    layer = model.get_output_embeddings()
    if getattr(layer, "bias", None) is None:
        raise RuntimeError(f"{type(model).__name__} has no output bias to steer the ranking with")
    return layer.bias


@cache
def _pristine(name):
    """The zoo's masked LM with the ambiguous tokens never preferred (checks only; never handed out)."""
    import copy

    import torch

    model = copy.deepcopy(checkpoints.reference("AutoModelForMaskedLM", name)).eval()
    with torch.no_grad():
        _bias(model)[list(_hidden_ids(name))] = _NEVER
    return model


def _model_for_learner(name):
    """A private copy of the readable masked LM: the learner may change it freely."""
    import copy

    return copy.deepcopy(_pristine(name)).eval()


def _logits(model, name, text):
    import torch

    batch = checkpoints.tokenizer(name)(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits[0]
    return logits, batch["input_ids"][0].tolist().index(checkpoints.tokenizer(name).mask_token_id)


def _ranked(model, name, text, k):
    """The top-k ids at the mask, and what each plausible mistake ranks instead."""
    import torch

    logits, position = _logits(model, name, text)
    without_specials = logits[position].clone()
    without_specials[checkpoints.tokenizer(name).all_special_ids] = -torch.inf
    return {
        "at the mask": logits[position].topk(k).indices.tolist(),
        "whole sentence": logits.max(dim=0).values.topk(k).indices.tolist(),
        "whole sentence, flattened": [i % logits.shape[-1] for i in logits.flatten().topk(k).indices.tolist()],
        "without specials": without_specials.topk(k).indices.tolist(),
    }


def _words(name, ids, **decoding):
    tokenizer = checkpoints.tokenizer(name)
    return [tokenizer.decode([token], **decoding).strip() for token in ids]


def _fill(attempt, model, tokenizer, name, text, k, shown):
    """The learner's list. Where the mask is not `[MASK]`, a crash or an empty list gets the mask
    lesson: that is what code looking for "[MASK]" does when it finds no blank."""
    mask_lesson = MASK_LESSON.format(mask=tokenizer.mask_token) if tokenizer.mask_token != "[MASK]" else None
    try:
        got = attempt.fill_mask(model, tokenizer, text, k)
    except LearnerCrash as crash:
        if mask_lesson:
            fail(mask_lesson, on=name, **shown, your_code_raised=crashes.crash_line(crash))
        raise
    if mask_lesson and isinstance(got, (list, tuple)) and not got:
        fail(mask_lesson, on=name, **shown, got=got)
    return returns.expect_str_list(got, "fill_mask", name, k, **shown)


def _matches(got, plain, skipped):
    """Each token decoded (specials kept or skipped, both fine) and stripped."""
    return all(g.strip() in (p, q) for g, p, q in zip(got, plain, skipped))


def _judge(got, ranked, name, shown):
    """Accept the reference ranking; otherwise say which mistake the list shows."""
    best = ranked["at the mask"]
    expected = _words(name, best)
    if _matches(got, expected, _words(name, best, skip_special_tokens=True)):
        if any(g != g.strip(" ") for g in got):
            fail(SPACES_LESSON, on=name, **shown, expected=expected, got=got)
        return
    dropped = ranked["without specials"]
    if dropped != best and _matches(got, _words(name, dropped), _words(name, dropped)):
        special = next(t for t in best if t not in dropped and t in checkpoints.tokenizer(name).all_special_ids)
        fail(
            SPECIALS_DROPPED_LESSON.format(special=checkpoints.tokenizer(name).convert_ids_to_tokens(special)),
            on=name, **shown, expected=expected, got=got,
        )
    wrong_places = (_words(name, ranked[key]) for key in ("whole sentence", "whole sentence, flattened"))
    if any(_matches(got, words, words) for words in wrong_places):
        fail(WHOLE_SEQUENCE_LESSON, on=name, **shown, expected=expected, got=got)
    if got == [t.strip() for t in checkpoints.tokenizer(name).convert_ids_to_tokens(best)]:
        fail(PIECES_LESSON, on=name, **shown, expected=expected, got=got)
    if sorted(g.strip() for g in got) == sorted(expected):
        fail(ORDER_LESSON, on=name, **shown, expected=expected, got=got)
    fail(VALUE_LESSON, on=name, **shown, expected=expected, got=got)


@check("fill_mask returns the k best tokens at the tokenizer's mask, decoded and stripped", family=zoo.ENCODERS)
def fills_the_blank(attempt, name):
    model = _model_for_learner(name)
    tokenizer = checkpoints.private_tokenizer(name)
    mask = tokenizer.mask_token

    @given(left=st.lists(s.words(), max_size=6), right=st.lists(s.words(), max_size=6), k=st.integers(1, 10))
    @example(left=["good", "music", "makes", "a"], right=["drive", "feel", "short"], k=5)  # a spaced token on RoBERTa
    def prop(left, right, k):
        text = " ".join([*left, mask, *right])
        shown = dict(text=text, k=k)
        got = _fill(attempt, model, tokenizer, name, text, k, shown)
        _judge(got, _ranked(_pristine(name), name, text, k), name, shown)

    prop()


@check("fill_mask ranks special tokens like every other token", family=zoo.ENCODERS)
def ranks_special_tokens_too(attempt, name):
    """A tiny model rarely puts a special token among its best guesses, so this check makes one
    score there: it shifts that token's output bias until, at the blank, it lands at a drawn rank."""
    import torch

    shared = checkpoints.tokenizer(name)
    specials = sorted(set(shared.all_special_ids))
    tokenizer = checkpoints.private_tokenizer(name)
    mask = tokenizer.mask_token

    @given(
        left=st.lists(s.words(), max_size=5), right=st.lists(s.words(), max_size=5), k=st.integers(2, 10),
        special=st.sampled_from(specials), place=st.integers(0, 9),
    )
    @example(left=["the", "music"], right=["was", "good"], k=5, special=shared.unk_token_id, place=1)
    @example(left=["a"], right=["drive"], k=3, special=shared.mask_token_id, place=0)
    @example(left=["good"], right=[], k=4, special=shared.sep_token_id or shared.eos_token_id, place=2)
    def prop(left, right, k, special, place):
        text = " ".join([*left, mask, *right])
        rank = place % k
        logits, position = _logits(_pristine(name), name, text)
        scores = logits[position]
        others = scores.clone()
        others[special] = -torch.inf
        ordered = others.sort(descending=True).values
        target = ordered[0] + 1.0 if rank == 0 else (ordered[rank - 1] + ordered[rank]) / 2
        model = _model_for_learner(name)
        with torch.no_grad():
            _bias(model)[special] += target - scores[special]
        ranked = _ranked(model, name, text, k)
        if special not in ranked["at the mask"]:  # float noise at a near tie: nothing to judge here
            return
        shown = dict(text=text, k=k, special_token_at_rank=(shared.convert_ids_to_tokens(special), rank + 1))
        got = _fill(attempt, model, tokenizer, name, text, k, shown)
        _judge(got, ranked, name, shown)

    prop()
