"""Hidden checks for kata 15: output_hidden_states=True, where index 0 is the embedding output."""

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

HINTS = (
    "Ask the forward pass for every layer's output with `output_hidden_states=True`; the result then "
    "has a `hidden_states` tuple. How many entries does a 2-layer model give, and what is the first?",
    "`hidden_states[0]` is the embedding output, `hidden_states[k]` the output of layer k, and the last "
    "one equals `last_hidden_state`. So depth `layer` is simply `hidden_states[layer]`.",
    "`model(**tokenizer(text, return_tensors=\"pt\"), output_hidden_states=True).hidden_states[layer][0]` "
    "(the `[0]` drops the batch axis), with `AutoModel` and `AutoTokenizer` loaded from `path`.",
)

#: Every encoder, plus a deeper BERT (3 layers, hidden 48): no depth or width can be hard-coded.
FAMILY = zoo.ENCODERS + ("bert-deep",)

TENSOR_LESSON = "`layer_vectors` should return a torch.Tensor of shape [tokens, hidden]."
BATCH_LESSON = (
    "You returned the batch axis too ([1, tokens, hidden]): the kata asks for the one text's vectors, "
    "shape [tokens, hidden]; index the batch with [0]."
)
SPECIALS_LESSON = (
    "Your vectors leave out the special tokens (like [CLS] and [SEP]): encode the text the way the "
    "tokenizer does by default, so the model sees exactly what it was trained on."
)
SHAPE_LESSON = "`layer_vectors` should return one vector per token of the encoded text: shape [tokens, hidden]."
OFF_BY_ONE_LESSON = (
    "Your layers are off by one. `hidden_states` holds L + 1 tensors: index 0 is the embedding output, "
    "before any layer, and index k is the output of layer k, so depth `layer` is `hidden_states[layer]`."
)
LAST_LESSON = (
    "You returned the last layer's output (`last_hidden_state`) whatever the layer asked for. Use "
    "`output_hidden_states=True` and pick `hidden_states[layer]`."
)
DEPTH_LESSON = (
    "Depth 0 is right, but at this depth you returned another layer's vectors: does your "
    "code assume a number of layers? Checkpoints differ in depth; `hidden_states[layer]` fits them all."
)
VALUE_LESSON = (
    "Your vectors are not the checkpoint's hidden states at that depth: load the trained weights from "
    "`path` and return `hidden_states[layer]` of the one text."
)
#: One text every depth is checked on (a rare word in it splits into sub-tokens).
SWEEP_TEXT = "the river flows past the old jukebox to the sea"


def _reference(name, text):
    """Every depth's token vectors for one text, from the check's own encoder."""
    import torch

    batch = m.tokenizer(name)(text, return_tensors="pt")
    with torch.no_grad():
        states = m.reference("AutoModel", name)(**batch, output_hidden_states=True).hidden_states
    return [state[0] for state in states]


def _vectors(attempt, name, text, layer, shape):
    import torch

    got = attempt.layer_vectors(m.checkpoint(name), text, layer)
    if not isinstance(got, torch.Tensor):
        fail(TENSOR_LESSON, on=name, got=type(got).__name__)
    got = got.detach().float()
    if tuple(got.shape) == shape:
        return got
    shown = dict(on=name, text=text, layer=layer, expected_shape=shape, got_shape=tuple(got.shape))
    if tuple(got.shape) == (1, *shape):
        fail(BATCH_LESSON, **shown)
    if got.dim() == 2 and got.shape[0] == len(m.tokenizer(name)(text, add_special_tokens=False)["input_ids"]):
        fail(SPECIALS_LESSON, **shown)
    fail(SHAPE_LESSON, **shown)


def _same(a, b) -> bool:
    import torch

    return torch.allclose(a, b, atol=1e-5)


def _expect_layers(attempt, name, text, layers):
    """Each depth in `layers` (ascending) must equal the reference; a mismatch names the usual slip."""
    states = _reference(name, text)
    last = len(states) - 1
    shape = tuple(states[0].shape)
    got = {}

    def at(layer):
        if layer not in got:
            got[layer] = _vectors(attempt, name, text, layer, shape)
        return got[layer]

    def diagnose(layer):
        shown = dict(on=name, text=text, layer=layer, layers_in_model=last)
        if layer > 0 and not _same(at(0), states[0]):
            diagnose(0)  # an indexing slip shows first at depth 0, where it has its own lesson
        if layer == 0 and _same(at(0), states[1]):
            fail(OFF_BY_ONE_LESSON, **shown)
        if layer == 0 and _same(at(0), states[last]):
            # `hidden_states[layer - 1]` wraps round to the last entry at layer 0: look one layer up.
            fail(OFF_BY_ONE_LESSON if _same(at(1), states[0]) else LAST_LESSON, **shown)
        depth = next((k for k, state in enumerate(states) if _same(at(layer), state)), None)
        if depth is not None:
            fail(DEPTH_LESSON, **shown, returned_depth=depth)
        fail(VALUE_LESSON, **shown, largest_difference=float((at(layer) - states[layer]).abs().max()))

    for layer in layers:
        try:
            right = _same(at(layer), states[layer])
        except LearnerCrash:
            if layer > 0 and not _same(at(0), states[0]):
                diagnose(0)  # e.g. `hidden_states[layer + 1]` runs off the end at the last depth
            raise
        if not right:
            diagnose(layer)


def _depth(name) -> int:
    return m.reference("AutoModel", name).config.num_hidden_layers


@check("layer_vectors returns hidden_states[layer] for every layer 0..L", family=FAMILY)
def every_layer_matches(attempt, name):
    _expect_layers(attempt, name, SWEEP_TEXT, range(_depth(name) + 1))


@check("layer_vectors is right for drawn texts and layers", family=FAMILY)
def drawn_layers_match(attempt, name):
    @given(text=s.sentences(), data=st.data())
    def prop(text, data):
        layer = data.draw(st.integers(0, _depth(name)), label="layer")
        _expect_layers(attempt, name, text, [layer])

    prop()
