"""Hidden checks for kata 06: AutoModelForTokenClassification, word/sub-token alignment."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata._corpus import RARE_WORDS
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit import track_a2 as a2

HINTS = (
    "The Auto class for one label per token is AutoModelForTokenClassification. Give it your label "
    "names when you load it; in `tag`, remember that one word can become several tokens.",
    "Load with `id2label={i: label ...}` and `label2id={label: i ...}`. Encode with "
    "`tokenizer(words, is_split_into_words=True, return_tensors=\"pt\")`; `encoding.word_ids()` gives "
    "each token's word index, or None for special tokens.",
    "Take `logits[0].argmax(-1)`, then walk the tokens with their word ids: keep a prediction only "
    "when the word id is not None and differs from the previous token's, and map it through "
    "`model.config.id2label`.",
)

SEQUENCE_LESSON = (
    "AutoModelForSequenceClassification gives one label for the whole text; tagging needs one score "
    "per token, which is what AutoModelForTokenClassification adds."
)
HEAD_LESSON = (
    "`{got}` does not score every token with your labels: load the checkpoint with "
    "AutoModelForTokenClassification."
)
NAMES_LESSON = (
    "The model should carry your label names: output i must be called labels[i] in `config.id2label`, "
    "and `config.label2id` must map each name back to its index. Pass both when you load it "
    "(`num_labels` alone names them LABEL_0, LABEL_1, ...)."
)
SUBTOKEN_LESSON = (
    "You returned one label per sub-token. A word the vocabulary does not know is split into several "
    "tokens; keep only the first sub-token of each word (use `word_ids()`)."
)
SPECIAL_LESSON = (
    "Your labels include the special tokens ([CLS], [SEP], <s>...), which belong to no word. Their "
    "word id is None: skip them."
)
LAST_LESSON = (
    "You labelled each word with its last sub-token. The convention this kata asks for is the first "
    "sub-token of each word."
)
POSITION_LESSON = (
    "You took the i-th token's prediction for the i-th word. Tokens are not words: follow "
    "`word_ids()` to find where each word starts."
)
JOINED_LESSON = (
    "You joined the words into one string and let the tokenizer split it again. It splits at "
    "punctuation too (\"U.S.\" becomes four words, \"don't\" three), so `word_ids()` no longer "
    "counts the caller's words. Encode the list itself with `is_split_into_words=True`."
)
COUNT_LESSON = "`tag` should return exactly one label per word."
VALUE_LESSON = (
    "Your labels are not the model's argmax for each word's first sub-token, mapped through "
    "`model.config.id2label`."
)

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC", "DATE", "TIME", "EVENT", "PRODUCT")
FIXED_LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def bio_labels() -> st.SearchStrategy[list[str]]:
    """'O' plus B-/I- labels for 1-4 entity types, in a drawn order."""
    types = st.lists(st.sampled_from(ENTITY_TYPES), min_size=1, max_size=4, unique=True)
    return types.map(lambda ts: ["O"] + [f"{p}-{t}" for t in ts for p in "BI"]).flatmap(st.permutations)


#: Words holding punctuation, as NER corpora have them: a tokenizer given the joined
#: text splits each into several words, so only `is_split_into_words=True` keeps one per word.
PUNCTUATED_WORDS = ("U.S.", "don't", "e-mail", "o'clock", "well-known", "St.")


def word_lists() -> st.SearchStrategy[list[str]]:
    """1-8 words, at least one split into sub-tokens by every tiny tokenizer, sometimes punctuated."""
    word = st.one_of(s.words(rare_share=2), s.words(rare_share=2), st.sampled_from(PUNCTUATED_WORDS))
    return st.lists(word, min_size=1, max_size=8).filter(
        lambda words: any(w in RARE_WORDS for w in words)
    )


@check("load_tagger loads a token-classification head on the trained encoder", family=zoo.ENCODERS)
def loads_a_token_classifier(attempt, name):
    model = m.expect_model(attempt.load_tagger(m.checkpoint(name), list(FIXED_LABELS)), "load_tagger", name)
    a2.expect_auto_class(
        model, "AutoModelForTokenClassification", name,
        {"AutoModelForSequenceClassification": SEQUENCE_LESSON}, HEAD_LESSON,
    )
    m.expect_loaded(model, name)


@check("load_tagger names every output after the drawn labels", family=zoo.ENCODERS)
def names_every_label(attempt, name):
    @given(labels=bio_labels())
    def prop(labels):
        model = m.expect_model(attempt.load_tagger(m.checkpoint(name), list(labels)), "load_tagger", name)
        config = model.config
        wanted = dict(enumerate(labels))
        got_labels = {int(k): v for k, v in dict(config.id2label or {}).items()}
        if config.num_labels != len(labels) or got_labels != wanted:
            fail(NAMES_LESSON, on=name, labels=labels, expected_id2label=wanted, got_id2label=got_labels)
        inverse = {label: i for i, label in enumerate(labels)}
        if dict(config.label2id or {}) != inverse:
            fail(NAMES_LESSON, on=name, labels=labels, expected_label2id=inverse, got_label2id=config.label2id)

    prop()


def _tagger(name, labels, seed, copies):
    """A private tagger with the drawn label names and a wide, seeded head (one copy per label count)."""
    if len(labels) not in copies:
        copies[len(labels)] = a2.private_copy("AutoModelForTokenClassification", name, num_labels=len(labels))
    model = copies[len(labels)]
    model.config.id2label = dict(enumerate(labels))
    model.config.label2id = {label: i for i, label in enumerate(labels)}
    m.sharpen_head(model, seed)
    return model


def _readings(model, tokenizer, words):
    """Every way of reading labels off the tokens, right and wrong, for each encoding of the words.

    Encoding the word list with `is_split_into_words=True` and encoding the words
    joined by spaces both follow `word_ids()` correctly while no word holds
    punctuation; on byte-level tokenizers they can differ, so both are accepted
    where the joined text still gives one first sub-token per word.
    """
    import torch

    readings = []
    for encoding in (
        tokenizer(words, is_split_into_words=True, return_tensors="pt"),
        tokenizer(" ".join(words), return_tensors="pt"),
    ):
        with torch.no_grad():
            predicted = model(**encoding).logits[0].argmax(-1).tolist()
        names = [model.config.id2label[p] for p in predicted]
        word_ids = encoding.word_ids()
        inside = [i for i, w in enumerate(word_ids) if w is not None]
        first = [i for i in inside if i == 0 or word_ids[i - 1] != word_ids[i]]
        last = [i for i in inside if i + 1 == len(word_ids) or word_ids[i + 1] != word_ids[i]]
        readings.append({
            "first sub-token": [names[i] for i in first],
            "every sub-token": [names[i] for i in inside],
            "every token": names,
            "last sub-token": [names[i] for i in last],
            "by position": [names[i] for i in inside[: len(words)]],
            "by position from [CLS]": names[: len(words)],
        })
    return readings


WRONG_READINGS = {
    "every sub-token": SUBTOKEN_LESSON,
    "every token": SPECIAL_LESSON,
    "by position from [CLS]": SPECIAL_LESSON,
    "last sub-token": LAST_LESSON,
    "by position": POSITION_LESSON,
}


@check("tag gives each word the label of its first sub-token", family=zoo.ENCODERS)
def tags_one_label_per_word(attempt, name):
    tokenizer = m.tokenizer(name)
    copies = {}

    @given(labels=bio_labels(), words=word_lists(), seed=st.integers(0, 2**16))
    def prop(labels, words, seed):
        model = _tagger(name, labels, seed, copies)
        got = a2.expect_str_list(attempt.tag(model, tokenizer, list(words)), "tag", name, words=words)
        readings = _readings(model, tokenizer, words)
        # The joined text counts as another reading only while it keeps one word per word.
        one_per_word = [r["first sub-token"] for r in readings if len(r["first sub-token"]) == len(words)]
        if got in one_per_word:
            return
        expected = readings[0]["first sub-token"]
        if len(got) != len(words) and got == readings[1]["first sub-token"]:
            fail(JOINED_LESSON, on=name, words=words, expected=expected, got=got)
        for kind, lesson in WRONG_READINGS.items():
            if any(got == reading[kind] for reading in readings):
                fail(lesson, on=name, words=words, expected=expected, got=got)
        if len(got) != len(words):
            fail(COUNT_LESSON, on=name, words=words, expected=expected, got=got)
        fail(VALUE_LESSON, on=name, labels=labels, words=words, expected=expected, got=got)

    prop()
