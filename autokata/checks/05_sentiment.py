"""Hidden checks for kata 05: a sequence classifier with two named labels."""

import numbers

from hypothesis import given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, heads, loading, returns
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForSequenceClassification",
    "num_labels",
    "id2label",
    "label2id",
    "text-classification",
    "sentiment-analysis",
    "TextClassificationPipeline",
    "BertForSequenceClassification",
    "RobertaForSequenceClassification",
    "DistilBertForSequenceClassification",
    "ElectraForSequenceClassification",
    "AlbertForSequenceClassification",
    "DebertaV2ForSequenceClassification",
)

HINTS = (
    "Sorting whole texts into classes has its own Auto class: the encoder plus a small head with one "
    "score per label. The label names belong in the model's config, both ways, given at load time.",
    "`AutoModelForSequenceClassification.from_pretrained(path, num_labels=2, id2label=..., "
    "label2id=...)`.",
    "id2label={0: \"negative\", 1: \"positive\"}, label2id={\"negative\": 0, \"positive\": 1}; "
    "predict: model(**tokenizer(texts, padding=True, return_tensors=\"pt\")).logits.argmax(-1), "
    "then model.config.id2label[i]",
)

LESSON = """
AutoModelForSequenceClassification loads the checkpoint's encoder and puts a classification head on
it: a small layer that turns the text's pooled vector into one score per label, `logits` of shape
[batch, num_labels]. The checkpoints here have no such head, so it starts untrained (transformers
warns that some weights are newly initialised); the encoder keeps its trained weights. AutoModel
stops at hidden states: nothing to classify with.

Two labels means `num_labels=2`, but that alone names them `LABEL_0` and `LABEL_1`. The names live
in the config as two maps, `id2label` (index -> name, integer keys) and `label2id` (name -> index).
transformers fills each on its own, so pass both:
    from_pretrained(path, num_labels=2, id2label={0: "negative", 1: "positive"},
                    label2id={"negative": 0, "positive": 1})
Both are saved with the model, so a reloaded copy and a pipeline built on it speak the same names.

To predict, tokenize the batch with `padding=True, return_tensors="pt"` and call `model(**batch)`,
which passes the `attention_mask` along: without it the padding of short texts is read as words and
can flip their verdicts. Take `logits.argmax(-1)` and return `model.config.id2label[i]` for each
index, names rather than ints.

The checks load every encoder of the zoo with your loader (class, trained encoder weights, both
maps), then give the head wide seeded weights so a batch of texts falls on both sides of the
decision boundary, and compare your names with the argmax computed here on the same model.
"""

ID2LABEL = {0: "negative", 1: "positive"}
LABEL2ID = {"negative": 0, "positive": 1}

HEAD_LESSON = (
    "`{got}` has no classification head: one score per label for the whole text. AutoModel, for one, "
    "stops at hidden states, so there is nothing to classify with; this kata puts a head on the "
    "encoder."
)
NUM_LABELS_LESSON = "A binary classifier has exactly two outputs per text: logits of shape [batch, 2]."
NAMES_LESSON = (
    "Your labels keep the default names `LABEL_0` and `LABEL_1`: `num_labels=2` alone does not name "
    "them. The config holds the names as a map from index to name and one from name to index; give "
    "both when loading."
)
KEYS_LESSON = (
    "The keys of your `id2label` must be the integers 0 and 1, not strings: an `argmax` index is an "
    "int, and looking up 1 must find its name."
)
MAP_LESSON = "Your `config.id2label` should map 0 to \"negative\" and 1 to \"positive\"."
INVERSE_LESSON = (
    "Your config maps each index to its name but not each name back to its index: transformers fills "
    "the two directions on its own, so the reverse map still says `LABEL_0`/`LABEL_1`. Give the "
    "name-to-index map too."
)
INT_LESSON = (
    "`predict` returned class indices. Return the label *names* (such as \"positive\"): look each "
    "index up in the model's config."
)
PADDING_LESSON = (
    "Your predictions for short texts change when they are padded to the longest: pass the tokenizer's "
    "`attention_mask` to the model along with `input_ids` (`model(**batch)` does)."
)
VALUE_LESSON = "Your labels are not the names of each text's best-scoring label."


@check("load_sentiment_classifier loads the sequence-classification class", family=zoo.ENCODERS)
def loads_the_classification_class(attempt, name):
    loading.load_with(attempt, "load_sentiment_classifier", name, "AutoModelForSequenceClassification", HEAD_LESSON)


@check("load_sentiment_classifier keeps the checkpoint's trained encoder weights", family=zoo.ENCODERS)
def loads_trained_weights(attempt, name):
    loaded = attempt.load_sentiment_classifier(checkpoints.checkpoint(name))
    model = loading.expect_model(loaded, "load_sentiment_classifier", name)
    loading.expect_loaded(model, name)


@check("two labels, id2label {0: negative, 1: positive} and label2id its inverse", family=zoo.ENCODERS)
def names_the_two_labels(attempt, name):
    loaded = attempt.load_sentiment_classifier(checkpoints.checkpoint(name))
    model = loading.expect_model(loaded, "load_sentiment_classifier", name)
    config = model.config
    id2label, label2id = dict(config.id2label), dict(config.label2id)
    if config.num_labels != 2:
        fail(NUM_LABELS_LESSON, on=name, num_labels=config.num_labels)
    if id2label == ID2LABEL and label2id == LABEL2ID:
        return
    if sorted(id2label.values()) == ["LABEL_0", "LABEL_1"]:
        fail(NAMES_LESSON, on=name, id2label=id2label)
    if any(isinstance(k, str) for k in id2label):
        fail(KEYS_LESSON, on=name, id2label=id2label)
    if id2label != ID2LABEL:
        fail(MAP_LESSON, on=name, expected=ID2LABEL, got=id2label)
    fail(INVERSE_LESSON, on=name, id2label=id2label, expected_label2id=LABEL2ID, got_label2id=label2id)


def _names(model, logits):
    lookup = {int(k): v for k, v in model.config.id2label.items()}
    return [lookup[i] for i in logits.argmax(dim=-1).tolist()]


def _expect_names(value, name, texts):
    """Label names, not indices (a list of ints, or a tensor of them, gets its own lesson)."""
    items = value.tolist() if hasattr(value, "tolist") and not isinstance(value, (list, tuple)) else value
    if isinstance(items, (list, tuple)) and any(
        isinstance(i, numbers.Integral) or hasattr(i, "dtype") for i in items
    ):
        fail(INT_LESSON, on=name, texts=texts, got=value)
    return returns.expect_str_list(value, "predict", name, len(texts), texts=texts)


@check("predict returns the name of each text's best label", family=zoo.ENCODERS)
def predicts_label_names(attempt, name):
    model = loading.load_with(
        attempt, "load_sentiment_classifier", name, "AutoModelForSequenceClassification", HEAD_LESSON
    )
    tokenizer = checkpoints.private_tokenizer(name)
    heads.sharpen_head(model, seed=0)

    @given(texts=s.uneven_batches(max_size=5))
    def prop(texts):
        shared = checkpoints.tokenizer(name)
        logits = heads.batch_logits(model, shared, texts)
        if tuple(logits.shape) != (len(texts), 2):
            fail(NUM_LABELS_LESSON, on=name, texts=texts, logits_shape=tuple(logits.shape))
        heads.split_decisions(model, shared, texts, logits)
        # The right names, from the split head before the learner's code runs: what predict then does
        # to its model (a cast, edited label maps) comes back into `model` and must not move them.
        logits = heads.batch_logits(model, shared, texts)
        expected = _names(model, logits)
        answer = heads.predicting(lambda: attempt.predict(model, tokenizer, list(texts)), model, name, "predict")
        got = _expect_names(answer, name, texts)
        if all(g == e or tie for g, e, tie in zip(got, expected, heads.near_ties(logits))):
            return
        if got == _names(model, heads.batch_logits(model, shared, texts, attention=False)):
            fail(PADDING_LESSON, on=name, texts=texts, expected=expected, got=got)
        fail(VALUE_LESSON, on=name, texts=texts, expected=expected, got=got)

    prop()
