"""Hidden checks for kata 12: problem_type="multi_label_classification", BCE loss, sigmoid tags."""

import numbers

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, heads, label_maps, loading
from autokata.kit import strategies as s

ANSWER = (
    "AutoModelForSequenceClassification",
    "problem_type",
    "multi_label_classification",
    "id2label",
    "label2id",
    "num_labels",
    "sigmoid",
    "BCEWithLogitsLoss",
    "binary_cross_entropy_with_logits",
)

LESSON = """
Single-label classification ("positive or negative?") makes the labels compete: a softmax turns the
scores into one distribution that sums to 1, and the loss is cross-entropy against one class index.
Multi-label classification ("which topics?") asks one yes/no question per label: each score goes
through its own sigmoid, 1 / (1 + exp(-score)), and the loss is binary cross-entropy per label
(BCEWithLogitsLoss, which applies the sigmoid itself, stably).

AutoModelForSequenceClassification serves both: the head is the same linear layer, and the config's
problem_type says which loss to use. Set it when you load, with the label maps:

    id2label = dict(enumerate(labels))
    model = AutoModelForSequenceClassification.from_pretrained(
        path, problem_type="multi_label_classification",
        id2label=id2label, label2id={name: i for i, name in id2label.items()})

Left unset, problem_type is guessed at the first forward pass with labels: float targets give the
multi-label loss, integer targets the single-label one, one output regression. A guess made from
whatever batch comes first is not a design; problem_type is saved in config.json with the maps, so a
reloaded model (and the text-classification pipeline, which then applies a sigmoid) knows too.

At prediction time nothing is thresholded for you: take the logits of the one text, apply
torch.sigmoid, and keep config.id2label[i] for every i whose probability is above the threshold. The
answer is a set that may be empty or hold every label.

Mistakes the checks tell apart: a softmax across labels (they compete), argmax (always exactly one
tag), a pipeline with its default top_k=1 (at most one tag), comparing raw logits with the threshold
(a logit is not a probability), a fixed 0.5 cut that ignores the threshold argument, and returning
indices instead of names. The checks draw label sets, texts and thresholds, and give predict_tags a
classifier whose head is re-initialised with wide seeded weights so that tags really vary.
"""

HINTS = (
    "Two things. The loaded model must know from its own configuration that every label is a separate "
    "yes/no question (that decides the loss it trains with). At prediction time each label's probability "
    "comes from its own score alone, never from a comparison with the other labels.",
    "Load with `AutoModelForSequenceClassification.from_pretrained(path, problem_type="
    "\"multi_label_classification\", id2label=..., label2id=...)`; predict with a `sigmoid` per label, "
    "not a softmax across labels.",
    "In `predict_tags`: `torch.sigmoid(model(**tokenizer(text, return_tensors=\"pt\")).logits[0])`, then keep "
    "`model.config.id2label[i]` for every index i whose probability is above `threshold`.",
)

PROBLEM_TYPE_LESSON = (
    "Your model's configuration does not say the labels are independent yes/no questions. Left unset, "
    "the model guesses the kind of problem from each batch of targets, and integer targets would "
    "silently train a single-label softmax classifier. Declare the multi-label problem when you load."
)
LOSS_LESSON = (
    "With multi-hot float labels a multi-label classifier's loss is binary cross-entropy with logits "
    "(one yes/no question per label); yours computed another loss, so its configuration does not "
    "declare the multi-label problem."
)
LOSS_ERROR_LESSON = (
    "Your model could not compute a loss for multi-hot labels (one 0/1 value per label and text): a "
    "single-label classifier expects one class index per text. Declare the multi-label problem in its "
    "configuration."
)
SET_LESSON = "`predict_tags` should return a set of label names (strings), e.g. {\"sports\", \"politics\"}."
NAMES_LESSON = (
    "`predict_tags` returned names that are not the model's labels: return each label's name exactly as "
    "the model's configuration holds it (no stripping, case changes or normalising)."
)
INDEX_LESSON = (
    "`predict_tags` returned label indices: turn each index into its name, as the model's configuration "
    "names it."
)
SOFTMAX_LESSON = (
    "Your tags come from a softmax, which makes the labels compete for one unit of probability. In "
    "multi-label classification each label is judged alone: its probability is 1 / (1 + exp(-score)) "
    "of its own score."
)
ARGMAX_LESSON = (
    "You returned only the best-scoring label (argmax), but a text can carry zero, one or many tags: "
    "keep every label whose own probability is above the threshold."
)
TOP_LABEL_LESSON = (
    "You kept at most one tag, the best-scoring label when it passes the threshold (what a "
    "text-classification pipeline returns by default, top_k=1). A text can carry many tags: keep "
    "every label whose probability is above the threshold (with a pipeline, `top_k=None`)."
)
RAW_LOGITS_LESSON = (
    "You compared the raw scores (logits) with the threshold. Logits are unbounded; the threshold is a "
    "probability, so turn each score into one first: 1 / (1 + exp(-score))."
)
FIXED_THRESHOLD_LESSON = (
    "Your tags ignore the `threshold` argument (they look like a fixed 0.5 cut). Compare each label's "
    "probability with the threshold you are given."
)
DEFAULT_THRESHOLD_LESSON = (
    "Called without a threshold, `predict_tags` must use the default 0.5 from the kata's signature."
)
TAGS_LESSON = (
    "Your tags are not the labels whose probability, 1 / (1 + exp(-score)) of their own score, is above "
    "the threshold."
)
FIXED_LABELS = ("sports", "politics", "science", "music")
#: Texts every learner run meets: capitals and accents a tokenizer may normalise, surrounding spaces.
EDGE_TEXTS = ("  The Café in Zürich was naïve ", "sports and politics, both at once")
MULTI_LABEL = "multi_label_classification"
#: Probabilities this close to the threshold may fall either way (float rounding differs between methods).
BAND = 1e-4
#: Extra thresholds tried when a prediction is wrong, to tell the usual mistakes apart.
PROBES = (0.02, 0.3, 0.7, 0.98)


def _multilabel(attempt, name, labels):
    loaded = attempt.load_multilabel(checkpoints.checkpoint(name), list(labels))
    model = heads.expect_classifier(loaded, "load_multilabel", name)
    return loading.expect_full_precision(model, name, "load_multilabel")


@check("load_multilabel loads a sequence classifier with the checkpoint's weights", family=zoo.ENCODERS)
def loads_a_trained_classifier(attempt, name):
    loading.expect_loaded(_multilabel(attempt, name, FIXED_LABELS), name)


@check("load_multilabel sets the multi-label problem type, one output per label and both maps", family=zoo.ENCODERS)
def configured_for_multi_label(attempt, name):
    @given(labels=label_maps.label_sets())
    @example(labels=label_maps.EDGE_LABEL_SETS[0])
    def prop(labels):
        model = _multilabel(attempt, name, labels)
        if model.config.problem_type != MULTI_LABEL:
            fail(PROBLEM_TYPE_LESSON, on=name, declared_kind_of_problem=model.config.problem_type)
        heads.expect_head_size(model, name, len(labels), labels=labels)
        label_maps.expect_label_maps(model.config, labels, name)

    prop()


@st.composite
def _multi_hot_batches(draw):
    """Labels, a batch of texts, and one 0/1 row per text (as floats, the way BCE wants them)."""
    labels = draw(label_maps.label_sets(max_size=12))
    texts = draw(s.uneven_batches(max_size=3))
    row = st.lists(st.sampled_from((0.0, 1.0)), min_size=len(labels), max_size=len(labels))
    return labels, texts, draw(st.lists(row, min_size=len(texts), max_size=len(texts)))


@check("with multi-hot labels the loss is binary cross-entropy with logits", family=zoo.ENCODERS)
def loss_is_bce_with_logits(attempt, name):
    import torch
    import torch.nn.functional as F

    @given(drawn=_multi_hot_batches())
    def prop(drawn):
        labels, texts, rows = drawn
        model = _multilabel(attempt, name, labels)
        heads.expect_head_size(model, name, len(labels), labels=labels)
        targets = torch.tensor(rows)
        loss, logits = heads.loss_with_labels(model, name, texts, targets)
        shown = dict(on=name, labels=labels, multi_hot_labels=rows, declared_kind_of_problem=model.config.problem_type)
        if logits is None:
            fail(LOSS_ERROR_LESSON, **shown, the_model_said=str(loss).splitlines()[0])
        expected = F.binary_cross_entropy_with_logits(logits, targets)
        if not torch.allclose(loss, expected, atol=1e-5):
            fail(LOSS_LESSON, **shown, expected_loss=float(expected), got_loss=float(loss))

    prop()


def _tag_sets(logits, threshold: float) -> dict[str, set[int]]:
    """The right tag indices and the ones each usual mistake would give."""
    import torch

    probabilities = torch.sigmoid(logits).tolist()
    return {
        "sigmoid": {i for i, p in enumerate(probabilities) if p > threshold},
        SOFTMAX_LESSON: {i for i, p in enumerate(torch.softmax(logits, -1).tolist()) if p > threshold},
        ARGMAX_LESSON: {int(logits.argmax())},
        TOP_LABEL_LESSON: {int(logits.argmax())} & {i for i, p in enumerate(probabilities) if p > threshold},
        RAW_LOGITS_LESSON: {i for i, x in enumerate(logits.tolist()) if x > threshold},
        FIXED_THRESHOLD_LESSON: {i for i, p in enumerate(probabilities) if p > 0.5},
    }


def _near(logits, threshold: float) -> set[int]:
    import torch

    return {i for i, p in enumerate(torch.sigmoid(logits).tolist()) if abs(p - threshold) < BAND}


def _tags(attempt, model, name, text, *threshold) -> set[int]:
    """Call predict_tags and turn its names back into indices (validating the type first).

    The learner gets its own copies of the model and the tokenizer: the check's model scores the
    references and names the labels, whatever the learner's code does to what it is given."""
    theirs = checkpoints.learners_copy(model)
    got = heads.predicting(
        lambda: attempt.predict_tags(theirs, checkpoints.private_tokenizer(name), text, *threshold),
        theirs, name, "predict_tags", text=text,
    )
    if not isinstance(got, (set, frozenset)):
        fail(SET_LESSON, on=name, got=f"{type(got).__name__}: {got!r}")
    if any(isinstance(tag, numbers.Integral) for tag in got):
        fail(INDEX_LESSON, on=name, got=got)
    label2id = {label: index for index, label in model.config.id2label.items()}
    unknown = [tag for tag in got if tag not in label2id]
    if unknown and all(isinstance(tag, str) for tag in unknown):
        fail(NAMES_LESSON, on=name, labels=list(label2id), got_unknown_tags=unknown)
    if unknown:
        fail(SET_LESSON, on=name, labels=list(label2id), got_unknown_tags=unknown)
    return {label2id[tag] for tag in got}


def _right(got: set[int], logits, threshold: float) -> bool:
    return not (got ^ _tag_sets(logits, threshold)["sigmoid"]) - _near(logits, threshold)


def _probe_models(model) -> list:
    """Copies of `model` whose final layer is shifted up or flattened: on them the usual mistakes
    disagree with each other (a fixed 0.5 cut keeps most labels, argmax one, a flat softmax all)."""
    import copy

    import torch

    probes = []
    for shift, scale in ((6.0, 1.0), (0.0, 0.01)):
        probe = copy.deepcopy(model)
        size = probe.config.num_labels
        layer = [x for x in probe.modules() if isinstance(x, torch.nn.Linear) and x.out_features == size][-1]
        with torch.no_grad():
            layer.weight.mul_(scale)
            layer.bias.mul_(scale).add_(shift)
        probes.append(probe)
    return probes


def _diagnose(attempt, model, name, text, logits, threshold: float, got: set[int], fallback: str = TAGS_LESSON):
    """Name the mistake whose predictions match the learner's on every probe model and threshold;
    `fallback` when none does."""
    evidence = [(logits, threshold, got)]
    for probe in [model, *_probe_models(model)]:
        probe_logits = heads.logits_of(probe, name, [text])[0]
        evidence += [(probe_logits, t, _tags(attempt, probe, name, text, t)) for t in (threshold, *PROBES)]
    id2label = model.config.id2label
    shown = dict(
        on=name, text=text, threshold=threshold,
        label_probabilities={id2label[i]: round(p, 4) for i, p in enumerate(logits.sigmoid().tolist())},
        expected={id2label[i] for i in _tag_sets(logits, threshold)["sigmoid"]}, got={id2label[i] for i in got},
    )
    for lesson in (ARGMAX_LESSON, TOP_LABEL_LESSON, SOFTMAX_LESSON, RAW_LOGITS_LESSON, FIXED_THRESHOLD_LESSON):
        if all(_tag_sets(x, t)[lesson] == tags for x, t, tags in evidence):
            fail(lesson, **shown)
    fail(fallback, **shown)


@check("predict_tags keeps every label whose sigmoid probability is above the threshold", family=zoo.ENCODERS)
def tags_are_sigmoid_above_threshold(attempt, name):
    @given(
        labels=label_maps.label_sets(),
        texts=st.lists(s.sentences(), min_size=2, max_size=3),
        threshold=st.integers(5, 95).map(lambda percent: percent / 100),
        seed=st.integers(0, 2**16),
    )
    @example(labels=label_maps.EDGE_LABEL_SETS[0], texts=list(EDGE_TEXTS), threshold=0.5, seed=12)
    @example(labels=label_maps.EDGE_LABEL_SETS[1], texts=list(EDGE_TEXTS[::-1]), threshold=0.3, seed=1212)
    def prop(labels, texts, threshold, seed):
        id2label, label2id = label_maps.label_maps(labels)
        model = heads.sharp_classifier(name, seed, problem_type=MULTI_LABEL, id2label=id2label, label2id=label2id)
        every_logits = heads.logits_of(model, name, texts)
        for text, logits in zip(texts, every_logits):
            got = _tags(attempt, model, name, text, threshold)
            if not _right(got, logits, threshold):
                _diagnose(attempt, model, name, text, logits, threshold, got)
        default = _tags(attempt, model, name, texts[0])
        if not _right(default, every_logits[0], 0.5):
            _diagnose(attempt, model, name, texts[0], every_logits[0], 0.5, default, DEFAULT_THRESHOLD_LESSON)

    prop()
