"""Hidden checks for kata 13: num_labels=1 makes a regressor, trained with MSE, read as raw logits."""

import numbers

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit import track_b1 as b

HINTS = (
    "Regression uses the same sequence-classification head as classification, with a different "
    "number of outputs. How many numbers do you want per text?",
    "`AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)`: its loss is then MSE.",
    "In `score`, tokenize with `padding=True, return_tensors=\"pt\"`, run the model under `torch.no_grad()` "
    "and return `logits[:, 0].tolist()`, with no sigmoid or softmax.",
)

ONE_OUTPUT_LESSON = (
    "A regressor has a head with exactly one output (`num_labels=1`): that is what tells the model the "
    "task is regression, scored with mean squared error. Two outputs make it a two-class classifier."
)
PROBLEM_TYPE_LESSON = (
    "Your model's `problem_type` is not regression, so it will not be trained with mean squared error. "
    "With `num_labels=1` and no problem type, the model picks regression by itself."
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
SCORE_LESSON = "Your scores are not the model's raw outputs (`logits[:, 0]`) for each text."
FIXED_TEXTS = ("the movie was great", "the food was terrible and the service was slow")


def _regressor(attempt, name):
    return b.expect_classifier(attempt.load_regressor(m.checkpoint(name)), "load_regressor", name)


def _expect_one_output(model, name):
    b.expect_head_size(model, name, 1, ONE_OUTPUT_LESSON)


@check("load_regressor loads a sequence classifier with the checkpoint's weights", family=zoo.ENCODERS)
def loads_a_trained_model(attempt, name):
    m.expect_loaded(_regressor(attempt, name), name)


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
        loss, logits = b.loss_with_labels(model, name, texts, targets)
        shown = dict(on=name, texts=texts, targets=values, problem_type=model.config.problem_type)
        if logits is None:
            fail(LOSS_ERROR_LESSON, **shown, the_model_said=str(loss).splitlines()[0])
        expected = F.mse_loss(logits.squeeze(-1), targets)
        if not torch.allclose(loss, expected, atol=1e-5):
            fail(LOSS_LESSON, **shown, expected_loss=float(expected), got_loss=float(loss))

    prop()


def _scores(attempt, model, name, texts) -> list[float]:
    got = attempt.score(model, m.tokenizer(name), list(texts))
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

    batch = m.tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    with torch.no_grad():
        return model(input_ids=batch["input_ids"]).logits[:, 0]


@check("score returns each text's raw output, alone or in a padded batch", family=zoo.ENCODERS)
def scores_are_raw_logits(attempt, name):
    import torch

    model = b.sharp_classifier(name, seed=13, num_labels=1)

    @given(texts=s.uneven_batches())
    def prop(texts):
        expected = b.logits_of(model, name, texts)[:, 0]
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
            fail(SCORE_LESSON, **shown)

    prop()
