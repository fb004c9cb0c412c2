"""Hidden checks for kata 06: AutoModelForTokenClassification, word/sub-token alignment."""

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.zoo.corpus import RARE_WORDS
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, heads, loading, returns
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForTokenClassification",
    "TokenClassification",
    "ForTokenClassification",
    "TokenClassificationPipeline",
    "token-classification",
    "ner",
    "id2label",
    "label2id",
    "num_labels",
    "is_split_into_words",
    "word_ids",
    "word_to_tokens",
    "token_to_word",
)

LESSON = """
Tagging gives every word its own label, so the model needs a head that scores every token, not one
that scores the whole text. AutoModelForTokenClassification loads the checkpoint's encoder and adds
a linear layer on top of each token's vector: its logits have shape [batch, tokens, num_labels].
AutoModelForSequenceClassification would give one label per text; AutoModel stops at hidden states.

The head is new, so tell it your label set when you load it: pass id2label={i: name} and
label2id={name: i}. Both maps go into model.config (num_labels follows from them) and are saved
with the model; num_labels alone would call the outputs LABEL_0, LABEL_1, ... and the two maps are
read separately, so give both.

Tokens are not words. The tokenizer adds special tokens ([CLS], [SEP], <s>, </s>) and cuts a word
it does not know into sub-tokens ("xylophone" may become x ##yl ##oph ##one). Encode the caller's
word list itself with is_split_into_words=True: joining the words with spaces lets the tokenizer
split them again at punctuation ("U.S." becomes four words). The encoding's word_ids() then gives
each token the index of the word it came from, or None for a special token. The usual convention,
used here, is the first sub-token: a word gets the argmax label at the first token whose word id
is that word's. Map each predicted index through model.config.id2label of the model you are given.

The checks load your tagger on every encoder with drawn BIO label lists and read its config in
both directions; then they hand `tag` a model with a wide, seeded head and words that split into
sub-tokens or hold punctuation, and compare your labels with the first-sub-token reading of the
same logits. They recognise labels per sub-token, labels that include special tokens, the last
sub-token, labels read by position and re-split joined text.
"""

HINTS = (
    "A word is not a token: one word can become several pieces, and the tokenizer adds tokens of "
    "its own. You need a head that scores every token, and the label names belong in the model's "
    "configuration, in both directions.",
    "Load with `AutoModelForTokenClassification.from_pretrained(path, id2label=..., label2id=...)`. "
    "Encode with `tokenizer(words, is_split_into_words=True, return_tensors=\"pt\")`; "
    "`encoding.word_ids()` gives each token's word index, or None for special tokens.",
    "Take `logits[0].argmax(-1)`, then walk the tokens with their word ids: keep a prediction only "
    "when the word id is not None and differs from the previous token's, and map it through "
    "`model.config.id2label`.",
)

SEQUENCE_LESSON = (
    "AutoModelForSequenceClassification gives one label for the whole text; tagging needs one score "
    "per label for every token of the text."
)
HEAD_LESSON = (
    "`{got}` does not score every token with your labels: tagging needs a head that gives each "
    "token one score per label."
)
NAMES_LESSON = (
    "The model should carry your label names in both directions: in its configuration, output i "
    "must be called labels[i], and each name must lead back to its index (so a saved copy keeps "
    "them). A label count alone names the outputs LABEL_0, LABEL_1, ..."
)
SUBTOKEN_LESSON = (
    "You returned one label per sub-token. A word the vocabulary does not know is split into several "
    "tokens; keep only the first sub-token of each word."
)
SPECIAL_LESSON = (
    "Your labels include the special tokens ([CLS], [SEP], <s>...), which belong to no word: skip "
    "them."
)
LAST_LESSON = (
    "You labelled each word with its last sub-token. The convention this kata asks for is the first "
    "sub-token of each word."
)
POSITION_LESSON = (
    "You took the i-th token's prediction for the i-th word. Tokens are not words: ask the encoding "
    "which word each token came from, and read each word at its first token."
)
JOINED_LESSON = (
    "You joined the words into one string and let the tokenizer split it again. It splits at "
    "punctuation too (\"U.S.\" becomes four words, \"don't\" three), so its words are no longer the "
    "caller's. Give the tokenizer the list itself and tell it the words are already split."
)
COUNT_LESSON = "`tag` should return exactly one label per word."
VALUE_LESSON = (
    "Your labels are not the model's best label at each word's first sub-token, named as the "
    "configuration of the model you were given names its outputs."
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
    with crashes.on_crash(name):
        loaded = attempt.load_tagger(checkpoints.checkpoint(name), list(FIXED_LABELS))
        model = loading.expect_model(loaded, "load_tagger", name)
    loading.expect_auto_class(
        model, "AutoModelForTokenClassification", name,
        {"AutoModelForSequenceClassification": SEQUENCE_LESSON}, HEAD_LESSON,
    )
    loading.expect_loaded(model, name)


def _as_index(key):
    """A config key as the int index it should be (a name stays as it is, to be shown)."""
    try:
        return int(key)
    except (TypeError, ValueError):
        return key


@check("load_tagger names every output after the drawn labels", family=zoo.ENCODERS)
def names_every_label(attempt, name):
    @given(labels=bio_labels())
    def prop(labels):
        with crashes.on_crash(name, labels=labels):
            loaded = attempt.load_tagger(checkpoints.checkpoint(name), list(labels))
            model = loading.expect_model(loaded, "load_tagger", name)
        config = model.config
        wanted = dict(enumerate(labels))
        got_labels = {_as_index(k): v for k, v in dict(config.id2label or {}).items()}
        if config.num_labels != len(labels) or got_labels != wanted:
            fail(NAMES_LESSON, on=name, labels=labels, expected_names=wanted, got_names=got_labels)
        inverse = {label: i for i, label in enumerate(labels)}
        if dict(config.label2id or {}) != inverse:
            fail(NAMES_LESSON, on=name, labels=labels, expected_indices=inverse,
                 got_indices=dict(config.label2id or {}))

    prop()


def _tagger(name, labels, seed, copies):
    """A private tagger with the drawn label names and a wide, seeded head (one copy per label count)."""
    if len(labels) not in copies:
        copies[len(labels)] = checkpoints.private_copy("AutoModelForTokenClassification", name, num_labels=len(labels))
    model = copies[len(labels)]
    model.config.id2label = dict(enumerate(labels))
    model.config.label2id = {label: i for i, label in enumerate(labels)}
    heads.sharpen_head(model, seed)
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


#: The first example every run meets: words split into sub-tokens, and words holding punctuation
#: that the tokenizer would split again if the words were joined into one text.
FIRST_WORDS = ("the", "xylophone", "U.S.", "plays", "don't", "jukebox", "well-known")


@check("tag gives each word the label of its first sub-token", family=zoo.ENCODERS)
def tags_one_label_per_word(attempt, name):
    tokenizer = checkpoints.tokenizer(name)
    theirs = checkpoints.private_tokenizer(name)
    copies = {}

    @given(labels=bio_labels(), words=word_lists(), seed=st.integers(0, 2**16))
    @example(labels=list(FIXED_LABELS), words=list(FIRST_WORDS), seed=3)
    def prop(labels, words, seed):
        model = _tagger(name, labels, seed, copies)
        with crashes.on_crash(name, words=words):
            got = attempt.tag(checkpoints.for_learner(model), theirs, list(words))
        got = returns.expect_str_list(got, "tag", name, words=words)
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
