"""Hidden checks for kata 11: num_labels, id2label and label2id in one load, kept by save_pretrained."""

import tempfile

from hypothesis import given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import track_b1 as b

HINTS = (
    "The head's size and its label names are all config values you can pass straight to "
    "`AutoModelForSequenceClassification.from_pretrained(path, ...)`.",
    "`id2label` maps int index -> name, `label2id` maps name -> int index; `dict(enumerate(labels))` "
    "is the first one.",
    "`from_pretrained(path, num_labels=len(labels), id2label=id2label, label2id=label2id)`, with "
    "`label2id = {name: i for i, name in id2label.items()}`.",
)

RELOAD_LESSON = (
    "Your model could not be saved and loaded back: whatever the config holds must be something "
    "`save_pretrained` can write to config.json and `from_pretrained` can read again."
)
RELOAD_OUTPUT_LESSON = (
    "After `save_pretrained` and a reload, the classifier gives other scores: the head you return "
    "must be part of the model that is saved, not something attached outside it."
)
STAGE = "after save_pretrained and from_pretrained of the saved folder"
FIXED_LABELS = ("ham", "spam", "unsure")


def _classifier(attempt, name, labels):
    return b.expect_classifier(attempt.load_classifier(m.checkpoint(name), list(labels)), "load_classifier", name)


@check("load_classifier loads a sequence classifier with the checkpoint's weights", family=zoo.ENCODERS)
def loads_a_trained_classifier(attempt, name):
    m.expect_loaded(_classifier(attempt, name, FIXED_LABELS), name)


@check("the head has one output per label and both maps name them", family=zoo.ENCODERS)
def head_and_maps_match_the_labels(attempt, name):
    @given(labels=b.label_sets())
    def prop(labels):
        model = _classifier(attempt, name, labels)
        b.expect_head_size(model, name, len(labels), labels=labels)
        b.expect_label_maps(model.config, labels, name)

    prop()


@check("the labels and the head survive save_pretrained and a reload", family=zoo.ENCODERS)
def labels_survive_a_reload(attempt, name):
    import torch
    from transformers import AutoModelForSequenceClassification

    @given(labels=b.label_sets())
    def prop(labels):
        model = _classifier(attempt, name, labels)
        with tempfile.TemporaryDirectory(prefix="autokata-") as folder:
            model.save_pretrained(folder)
            try:
                reloaded = AutoModelForSequenceClassification.from_pretrained(folder)
            except Exception as error:  # noqa: BLE001 - a config that cannot be read back is the lesson
                b.expect_label_maps(model.config, labels, name)
                fail(RELOAD_LESSON, on=name, labels=labels, the_reload_said=str(error).splitlines()[0])
        b.expect_head_size(reloaded, name, len(labels), labels=labels, when=STAGE)
        b.expect_label_maps(reloaded.config, labels, name, when=STAGE)
        texts = ["the cat sat on the mat", "good music makes a long drive feel short"]
        if not torch.allclose(b.logits_of(model, name, texts), b.logits_of(reloaded, name, texts), atol=1e-5):
            fail(RELOAD_OUTPUT_LESSON, on=name, labels=labels)

    prop()
