"""Hidden checks for kata 13: num_labels=1 makes a regressor, trained with MSE, read as raw logits."""

import numbers

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, heads, loading
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForSequenceClassification",
    "num_labels",
    "problem_type",
    "MSELoss",
    "mse_loss",
)

LESSON = """
Regression (a star rating, a difficulty level, a similarity score) uses the same class as
classification, AutoModelForSequenceClassification, with a head of a single output:

    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)

num_labels=1 is what turns it into a regressor. At the first forward pass with targets the model sets
config.problem_type to "regression" (you may also pass problem_type="regression" yourself), and the
loss is the mean squared error (MSELoss) between the single output and the float target. With
num_labels=2, the default, you get a two-class classifier trained with cross-entropy: it cannot even
take one float target per text.

The prediction is the raw output, logits[:, 0], nothing else: a sigmoid would bend every score into
(0, 1), and a softmax over a single output is always 1.0. The head is new and untrained here, so the
numbers mean nothing yet, but they are the numbers training will push towards the targets.

To score a batch, tokenize all texts with padding=True and return_tensors="pt", and pass the
attention mask along with the input ids (model(**batch) does); without it the padding is attended to
and a short text's score changes with its neighbours. Return logits[:, 0].tolist(), a plain list of
Python floats (logits.tolist() alone gives one list per text).

The checks look at the head size and the config, at the loss for drawn float targets against
F.mse_loss, and at the scores of drawn batches of uneven texts against the raw outputs of a head
re-initialised with wide seeded weights, each text alone and inside its padded batch.
"""

HINTS = (
    "Predicting a number uses the same whole-text head as classification, with a different number of "
    "outputs. How many numbers do you want per text? What should you do to that number afterwards?",
    "`AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)`: with one output its loss is "
    "the mean squared error.",
    "In `score`, tokenize with `padding=True, return_tensors=\"pt\"`, run the model under `torch.no_grad()` "
    "and return `logits[:, 0].tolist()`, with no sigmoid or softmax.",
)

ONE_OUTPUT_LESSON = (
    "A regressor's head has exactly one output: a single output is what makes the model treat the task "
    "as regression, scored with mean squared error. More outputs make it a classifier (two, the default, "
    "a two-class one trained with cross-entropy)."
)
PROBLEM_TYPE_LESSON = (
    "Your model's `problem_type` is not regression, so it will not be trained with mean squared error. "
    "With a single output and no problem type, the model picks regression by itself."
)
LOSS_LESSON = (
    "With one output and float targets, the loss must be the mean squared error between the outputs and "
    "the targets; your model computed another loss."
)
LOSS_ERROR_LESSON = (
    "Your model could not compute a loss for one float target per text: a regressor takes one number "
    "per text and compares it with the single output by mean squared error."
)
LIST_LESSON = "`score` should return a plain Python list with one float per text (e.g. `logits[:, 0].tolist()`)."
NESTED_LESSON = (
    "`score` returned one list per text: the logits have shape [batch, 1], so take column 0 to get one "
    "float per text."
)
SIGMOID_LESSON = (
    "Your scores went through a sigmoid, which bends every score into (0, 1). A regressor's prediction is "
    "its raw output (the logit), unbounded."
)
SOFTMAX_LESSON = (
    "Your scores went through a softmax: over a single output it always gives 1.0. A regressor's prediction "
    "is its raw output (the logit)."
)
MASK_LESSON = (
    "Your scores for the shorter texts change inside a padded batch: pass the tokenizer's `attention_mask` "
    "to the model along with the input ids."
)
SQUEEZE_LESSON = (
    "For a single text `score` returned a bare float, not a list of one float: squeezing the [1, 1] "
    "output drops the batch axis as well. Take column 0 instead, so one text still gives a list."
)
ORDER_LESSON = (
    "Your scores are the right numbers in the wrong order: the i-th score must belong to the i-th "
    "text. If you reorder the texts (by length, say), put the scores back in the order given."
)
LEFT_PADDING_LESSON = (
    "Your scores for the shorter texts change inside a padded batch: they were padded on the left. "
    "These encoders number positions from the first token, so padding in front shifts every position "
    "of the short text; pad on the right, where the mask hides the padding."
)
SCORE_LESSON = "Your scores are not the model's raw outputs (`logits[:, 0]`) for each text."
CHANGED_TEXT_LESSON = (
    "You scored other texts than the ones given ({how}): a tokenizer keeps what matters to its model "
    "(spaces before a word are part of a byte-level token, case for cased models), so score each text "
    "exactly as it is."
)
#: Ways learners "clean" texts before scoring them.
CLEANINGS = (("stripped spaces", str.strip), ("lower-cased", str.lower))
#: A batch every learner run meets: spaces around a text, accents and capitals, very uneven lengths.
EDGE_TEXTS = ("  The Café in Zürich ", "ok", "good music makes a long drive feel short and the night feel young")
FIXED_TEXTS = ("the movie was great", "the food was terrible and the service was slow")


def _regressor(attempt, name):
    model = heads.expect_classifier(attempt.load_regressor(checkpoints.checkpoint(name)), "load_regressor", name)
    return loading.expect_full_precision(model, name, "load_regressor")


def _expect_one_output(model, name):
    heads.expect_head_size(model, name, 1, ONE_OUTPUT_LESSON)


@check("load_regressor loads a sequence classifier with the checkpoint's weights", family=zoo.ENCODERS)
def loads_a_trained_model(attempt, name):
    loading.expect_loaded(_regressor(attempt, name), name)


@check("load_regressor's head has a single output and a regression problem type", family=zoo.ENCODERS)
def has_one_output(attempt, name):
    model = _regressor(attempt, name)
    _expect_one_output(model, name)
    if model.config.problem_type not in (None, "regression"):
        fail(PROBLEM_TYPE_LESSON, on=name, expected="regression (or unset)", got=model.config.problem_type)


@check("with float targets the loss is the mean squared error", family=zoo.ENCODERS)
def loss_is_mse(attempt, name):
    import torch
    import torch.nn.functional as F

    model = _regressor(attempt, name)
    _expect_one_output(model, name)

    @given(texts=s.uneven_batches(), data=st.data())
    def prop(texts, data):
        values = data.draw(st.lists(st.floats(-5, 5), min_size=len(texts), max_size=len(texts)), label="targets")
        targets = torch.tensor(values)
        loss, logits = heads.loss_with_labels(model, name, texts, targets)
        shown = dict(on=name, texts=texts, targets=values, declared_kind_of_problem=model.config.problem_type)
        if logits is None:
            fail(LOSS_ERROR_LESSON, **shown, the_model_said=str(loss).splitlines()[0])
        expected = F.mse_loss(logits.squeeze(-1), targets)
        if not torch.allclose(loss, expected, atol=1e-5):
            fail(LOSS_LESSON, **shown, expected_loss=float(expected), got_loss=float(loss))

    prop()


def _scores(attempt, model, name, texts) -> list[float]:
    theirs = checkpoints.learners_copy(model)
    got = heads.predicting(
        lambda: attempt.score(theirs, checkpoints.private_tokenizer(name), list(texts)), theirs, name, "score",
        texts=texts,
    )
    if len(texts) == 1 and isinstance(got, numbers.Real) and not isinstance(got, bool):
        fail(SQUEEZE_LESSON, on=name, texts=texts, got=got)
    if isinstance(got, list) and got and all(isinstance(x, list) and len(x) == 1 for x in got):
        fail(NESTED_LESSON, on=name, texts=texts, got=got)
    if not isinstance(got, list) or not all(isinstance(x, numbers.Real) and not isinstance(x, bool) for x in got):
        fail(LIST_LESSON, on=name, texts=texts, got=f"{type(got).__name__}: {got!r}")
    if len(got) != len(texts):
        fail(LIST_LESSON, on=name, texts=texts, expected_length=len(texts), got=got)
    return [float(x) for x in got]


def _without_mask(model, name, texts):
    """The outputs a batch gives when only the input ids reach the model (padding attended to)."""
    import torch

    batch = checkpoints.tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(input_ids=batch["input_ids"]).logits[:, 0]


def _left_padded(model, name, texts):
    """The outputs a batch gives when padded on the left (a private tokenizer, the shared one untouched)."""
    import copy

    import torch

    tokenizer = copy.deepcopy(checkpoints.tokenizer(name))
    tokenizer.padding_side = "left"
    batch = tokenizer(list(texts), padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(**batch).logits[:, 0]


@check("score returns each text's raw output, alone or in a padded batch", family=zoo.ENCODERS)
def scores_are_raw_logits(attempt, name):
    import torch

    model = heads.sharp_classifier(name, seed=13, num_labels=1)

    @given(texts=s.uneven_batches())
    @example(texts=list(EDGE_TEXTS))
    def prop(texts):
        expected = heads.logits_of(model, name, texts)[:, 0]
        for batch in (texts, texts[-1:]):
            got = torch.tensor(_scores(attempt, model, name, batch))
            want = expected[-len(batch):]
            if torch.allclose(got, want, atol=1e-4, rtol=1e-4):
                continue
            shown = dict(on=name, texts=batch, expected=want.tolist(), got=got.tolist())
            if torch.allclose(got, want.sigmoid(), atol=1e-4):
                fail(SIGMOID_LESSON, **shown)
            if torch.allclose(got, torch.ones_like(got)):
                fail(SOFTMAX_LESSON, **shown)
            if torch.allclose(got, _without_mask(model, name, batch), atol=1e-4, rtol=1e-4):
                fail(MASK_LESSON, **shown)
            if torch.allclose(got, _left_padded(model, name, batch), atol=1e-4, rtol=1e-4):
                fail(LEFT_PADDING_LESSON, **shown)
            if torch.allclose(got.sort().values, want.sort().values, atol=1e-4, rtol=1e-4):
                fail(ORDER_LESSON, **shown)
            for how, clean in CLEANINGS:
                cleaned = [clean(t) for t in batch]
                if cleaned != batch and torch.allclose(got, heads.logits_of(model, name, cleaned)[:, 0], atol=1e-4):
                    fail(CHANGED_TEXT_LESSON.format(how=how), **shown)
            fail(SCORE_LESSON, **shown)

    prop()
