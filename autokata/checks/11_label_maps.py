"""Hidden checks for kata 11: num_labels, id2label and label2id in one load, kept by save_pretrained."""

import tempfile

from hypothesis import example, given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, heads, label_maps, loading

ANSWER = (
    "AutoModelForSequenceClassification",
    "num_labels",
    "id2label",
    "label2id",
    "save_pretrained",
)

LESSON = """
A classifier of whole texts is AutoModelForSequenceClassification: the checkpoint's encoder plus a
linear head with one output per label. The head's size and the names of its outputs are both config
values, and from_pretrained accepts config values as keyword arguments, so one call does it all:

    id2label = dict(enumerate(labels))                    # output index (int) -> name
    label2id = {name: i for i, name in id2label.items()}  # name -> output index
    model = AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=len(labels), id2label=id2label, label2id=label2id)

Giving id2label already sizes the head (num_labels follows from it); passing num_labels as well is
harmless as long as it agrees. id2label is what your code and the pipelines use to read a prediction
("output 3 is refund"); label2id turns named training labels into the indices the loss needs. Both
live in the config, so save_pretrained writes them into config.json and from_pretrained of the saved
folder gives them back, together with the head. Setting config attributes after loading also works,
as long as the head and num_labels agree with them.

Pitfalls, each with its own message in the checks:
- num_labels alone sizes the head but names its outputs LABEL_0, LABEL_1, ...
- id2label alone: label2id keeps the placeholder names (and the other way round).
- maps in the wrong direction, or id2label with string keys ("0"): transformers accepts both in memory
  and they break later (a KeyError when reading a prediction, nonsense targets when training).
- "cleaning" the names (strip, lower-case, sort, Unicode normalisation): labels are data, and output i
  is labels[i] exactly as given, spaces and all.
- replacing the head module by hand: the config's num_labels then disagrees with the head, and a saved
  copy reloads with the wrong one.
The checks draw 2 to 20 labels (everyday words, Unicode, digits, names with spaces around them, names
that are prefixes or suffixes of other names) on every encoder of the zoo, then save the model, reload
the folder with no arguments and compare the head size, both maps and the scores.
"""

HINTS = (
    "The size of a classifier's head and the names of its outputs are both part of the model's "
    "configuration, and the loading call accepts configuration values directly. Names are needed in "
    "two directions: from an output's index, and back from a name.",
    "`AutoModelForSequenceClassification.from_pretrained(path, ...)` accepts `num_labels`, `id2label` "
    "(int index -> name) and `label2id` (name -> int index) in the same call.",
    "`id2label = dict(enumerate(labels))`, `label2id = {name: i for i, name in id2label.items()}`, then "
    "`AutoModelForSequenceClassification.from_pretrained(path, num_labels=len(labels), id2label=id2label, "
    "label2id=label2id)`.",
)

RELOAD_LESSON = (
    "Your model could not be written to a folder and loaded back: whatever its config holds must be "
    "something that can be written to config.json and read again."
)
RELOAD_OUTPUT_LESSON = (
    "Written to a folder and loaded back, the classifier gives other scores: the head you return must "
    "be part of the model that is saved, not something attached outside it."
)
STAGE = "after writing the model to a folder and loading that folder back"
FIXED_LABELS = ("ham", "spam", "unsure")


def _classifier(attempt, name, labels):
    loaded = attempt.load_classifier(checkpoints.checkpoint(name), list(labels))
    model = heads.expect_classifier(loaded, "load_classifier", name)
    return loading.expect_full_precision(model, name, "load_classifier")


@check("load_classifier loads a sequence classifier with the checkpoint's weights", family=zoo.ENCODERS)
def loads_a_trained_classifier(attempt, name):
    loading.expect_loaded(_classifier(attempt, name, FIXED_LABELS), name)


@check("the head has one output per label and both maps name them", family=zoo.ENCODERS)
def head_and_maps_match_the_labels(attempt, name):
    @given(labels=label_maps.label_sets())
    @example(labels=label_maps.EDGE_LABEL_SETS[0])
    @example(labels=label_maps.EDGE_LABEL_SETS[1])
    def prop(labels):
        model = _classifier(attempt, name, labels)
        heads.expect_head_size(model, name, len(labels), labels=labels)
        label_maps.expect_label_maps(model.config, labels, name)

    prop()


@check("the labels and the head survive save_pretrained and a reload", family=zoo.ENCODERS)
def labels_survive_a_reload(attempt, name):
    import torch
    from transformers import AutoModelForSequenceClassification

    @given(labels=label_maps.label_sets())
    @example(labels=label_maps.EDGE_LABEL_SETS[0])
    @example(labels=label_maps.EDGE_LABEL_SETS[1])
    def prop(labels):
        model = _classifier(attempt, name, labels)
        with tempfile.TemporaryDirectory(prefix="autokata-") as folder:
            model.save_pretrained(folder)
            try:
                reloaded = AutoModelForSequenceClassification.from_pretrained(folder)
            except Exception as error:  # noqa: BLE001 - a config that cannot be read back is the lesson
                label_maps.expect_label_maps(model.config, labels, name)
                fail(RELOAD_LESSON, on=name, labels=labels, the_reload_said=str(error).splitlines()[0])
        heads.expect_head_size(reloaded, name, len(labels), labels=labels, when=STAGE)
        label_maps.expect_label_maps(reloaded.config, labels, name, when=STAGE)
        texts = ["the cat sat on the mat", "good music makes a long drive feel short"]
        if not torch.allclose(heads.logits_of(model, name, texts), heads.logits_of(reloaded, name, texts), atol=1e-5):
            fail(RELOAD_OUTPUT_LESSON, on=name, labels=labels)

    prop()
