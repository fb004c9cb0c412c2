"""Hidden checks for kata 14: ignore_mismatched_sizes=True swaps a fine-tuned head, keeps the encoder."""

from hypothesis import example, given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, heads, label_maps, loading
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "AutoModelForSequenceClassification",
    "ignore_mismatched_sizes",
    "id2label",
    "label2id",
    "num_labels",
    "from_config",
)

LESSON = """
A fine-tuned classifier is an encoder plus a head whose last weight matrix has one row per label.
Reloading it with a different number of labels makes from_pretrained meet a checkpoint head of shape
[3, hidden] where the model expects [N, hidden], and it raises a size-mismatch error: silently
dropping trained weights is usually a bug. When it is what you want, say so:

    id2label = dict(enumerate(labels))
    model = AutoModelForSequenceClassification.from_pretrained(
        path, id2label=id2label, label2id={name: i for i, name in id2label.items()},
        ignore_mismatched_sizes=True)

ignore_mismatched_sizes=True loads every weight whose shape fits (the whole encoder, and any head
layer that keeps its size, such as a pre-classifier projection) and re-initialises the ones that do
not, with a warning listing them. The label maps size the new head (num_labels follows from them) and
replace the checkpoint's old names in the config; passing only num_labels leaves placeholder names
LABEL_0, LABEL_1, ... and the old ones are gone anyway, because the checkpoint's maps are overridden.

The wrong ways out: from_config(AutoConfig.from_pretrained(path, num_labels=N)) builds the right shapes
with a random encoder, throwing away everything the checkpoint learned; loading the old model and
swapping its head module by hand leaves config.num_labels and the maps describing the old head.

The checks draw label sets of every size but three, on a three-label checkpoint of each encoder family,
and look at the logits' shape, the config's count and both maps (none of the old names may remain),
and compare every encoder weight with the checkpoint's.
"""

HINTS = (
    "Loading a three-label checkpoint with another number of labels fails on purpose: the head's "
    "weights do not fit. The loading call has a switch that says dropping exactly those weights is "
    "what you want; name the new labels in the same call.",
    "`ignore_mismatched_sizes=True` loads every weight that fits (the encoder) and initialises the head "
    "anew. Name the new outputs with `id2label` and `label2id` in the same call.",
    "`AutoModelForSequenceClassification.from_pretrained(path, id2label=dict(enumerate(labels)), "
    "label2id={name: i for i, name in enumerate(labels)}, ignore_mismatched_sizes=True)`.",
)

FLAG_LESSON = (
    "Loading the 3-label checkpoint with another number of labels raised a size mismatch: transformers "
    "will not drop trained head weights unless the same loading call says that is what you want."
)
NEW_HEAD_LESSON = (
    "The classifier must give one score per new label for each text (logits of shape [1, len(labels)] "
    "for one text). Ask for the new labels when you load, so a head of the new size replaces the "
    f"checkpoint's {len(zoo.THREE_LABEL_NAMES)}-output one."
)
STALE_LESSON = (
    "Your label maps still hold the fine-tuned checkpoint's labels "
    f"({', '.join(zoo.THREE_LABEL_NAMES)}): name the new labels, in both directions, when you reload."
)
ENCODER_LESSON = (
    "Some encoder weights differ from the fine-tuned checkpoint's: only the head should be new, every "
    "other weight loaded from `path`."
)
#: The old head has three outputs, so three drawn labels would need no new head.
NOT_THREE = (len(zoo.THREE_LABEL_NAMES),)
FIXED_LABELS = ("billing", "refund", "shipping", "other", "urgent")


def _reloaded(attempt, name, labels):
    """The learner's model; a size-mismatch crash becomes the lesson about the flag."""
    try:
        value = attempt.reload_with_labels(checkpoints.checkpoint(name), list(labels))
    except LearnerCrash as crash:
        if "ignore_mismatched_sizes" in str(crash) or "size mismatch" in str(crash):
            fail(FLAG_LESSON, on=name, old_labels=list(zoo.THREE_LABEL_NAMES), new_labels=list(labels))
        raise
    model = heads.expect_classifier(value, "reload_with_labels", name)
    return loading.expect_full_precision(model, name, "reload_with_labels")


@check("reload_with_labels replaces the 3-label head with one output per new label", family=zoo.THREE_LABELS)
def head_has_the_new_size(attempt, name):
    @given(labels=label_maps.label_sets(exclude_sizes=NOT_THREE))
    @example(labels=label_maps.EDGE_LABEL_SETS[0])
    @example(labels=label_maps.EDGE_LABEL_SETS[1])
    def prop(labels):
        model = _reloaded(attempt, name, labels)
        heads.expect_head_size(model, name, len(labels), NEW_HEAD_LESSON, labels=labels)

    prop()


@check("the encoder keeps the fine-tuned checkpoint's weights", family=zoo.THREE_LABELS)
def encoder_is_kept(attempt, name):
    import torch

    model = _reloaded(attempt, name, FIXED_LABELS)
    loading.expect_loaded(model, name)
    theirs = checkpoints.reference("AutoModelForSequenceClassification", name).base_model.state_dict()
    for key, value in model.base_model.state_dict().items():
        if key in theirs and not torch.equal(value, theirs[key]):
            fail(ENCODER_LESSON, on=name, first_weight_that_differs=key)


@check("the label maps name the new labels, not the old three", family=zoo.THREE_LABELS)
def maps_name_the_new_labels(attempt, name):
    @given(labels=label_maps.label_sets(exclude_sizes=NOT_THREE))
    @example(labels=label_maps.EDGE_LABEL_SETS[0])
    @example(labels=label_maps.EDGE_LABEL_SETS[1])
    def prop(labels):
        model = _reloaded(attempt, name, labels)
        label_maps.expect_label_maps(model.config, labels, name, stale=zoo.THREE_LABEL_NAMES, stale_lesson=STALE_LESSON)

    prop()
