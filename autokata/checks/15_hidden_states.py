"""Hidden checks for kata 15: output_hidden_states=True, where index 0 is the embedding output."""

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints
from autokata.kit import strategies as s
from autokata.kit.outcomes import LearnerCrash

ANSWER = (
    "AutoModel",
    "AutoTokenizer",
    "output_hidden_states",
    "hidden_states",
)

LESSON = """
A forward pass of AutoModel returns last_hidden_state, the token vectors after the final layer. Ask
for output_hidden_states=True (in the call, or in the config at load time) and the output also holds
hidden_states: a tuple of L + 1 tensors for a model with L layers, each [batch, tokens, hidden].

    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path)
    with torch.no_grad():
        out = model(**tokenizer(text, return_tensors="pt"), output_hidden_states=True)
    vectors = out.hidden_states[layer][0]    # [0] drops the batch axis

Count from the embeddings: hidden_states[0] is the embedding output (the embedded tokens, as they
enter the first transformer layer); hidden_states[k] is the output of layer k; the last one,
hidden_states[L], equals last_hidden_state. "Layer k" is therefore hidden_states[k], not
hidden_states[k - 1] (which wraps round to the last layer at k = 0) or hidden_states[k + 1] (which
runs off the end at k = L). L comes from the checkpoint (config.num_hidden_layers, or
len(hidden_states) - 1): never assume two.

Encode the text as the tokenizer does by default, with its special tokens ([CLS]/[SEP], <s>/</s>):
that is what the model was trained on, and the shape [tokens, hidden] counts them. Load with
from_pretrained so the weights are the checkpoint's, not a random model's.

The checks compare every depth 0..L of one text, and drawn texts at drawn depths, with their own
forward pass, on every encoder family and on a deeper, wider BERT, and tell an off-by-one, the last
layer returned for every depth, a fixed depth count, a kept batch axis and dropped special tokens
apart.
"""

HINTS = (
    "A forward pass can hand back the output of every depth, not only the last one, if you ask it to. "
    "Then count: how many entries does a model with L layers give, and what does the first one hold?",
    "Call the model with `output_hidden_states=True`: the output gains `hidden_states`, L + 1 tensors, "
    "index 0 the embedding output, so depth `layer` is `hidden_states[layer]`.",
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
NOT_FLOAT_LESSON = (
    "You returned a tensor of whole numbers, not of vectors: token vectors are floating-point (ids of "
    "tokens are what goes into the model, not what comes out of a layer)."
)
DTYPE_LESSON = (
    "Your vectors are not in the checkpoint's precision: the kata asks for them as its float32 weights "
    "compute them. Loading or casting to a lower precision changes every value, well beyond rounding."
)
PADDED_LESSON = (
    "You returned more vectors than the text has tokens: the text was padded (or cut to a fixed "
    "length). Encode the one text as it is, so there is one vector per token of it and no padding."
)
CHANGED_TEXT_LESSON = (
    "Your vectors belong to another text than the one given ({how}): the tokenizer keeps what matters "
    "to its model (spaces before a word are part of a byte-level token, case for cased models), so "
    "encode the text exactly as it is."
)
SHAPE_LESSON = (
    "`layer_vectors` should return one vector per token of the text as the tokenizer encodes it by "
    "default (the text exactly as given, special tokens included): shape [tokens, hidden]."
)
OFF_BY_ONE_LESSON = (
    "Your layers are off by one. A model with L layers has L + 1 depths: depth 0 is the embedding "
    "output, before any layer, and depth k is the output of layer k, so the tuple of every depth's "
    "output is indexed by `layer` itself, with no shift."
)
LAST_LESSON = (
    "You returned the last layer's output whatever the layer asked for. The model can hand back the "
    "output of every depth, not only the last one: ask the forward pass for all of them and pick the "
    "one at `layer`."
)
DEPTH_LESSON = (
    "Depth 0 is right, but at this depth you returned another layer's vectors: does your "
    "code assume a number of layers? Checkpoints differ in depth; index the depths by `layer` itself."
)
VALUE_LESSON = (
    "Your vectors are not the checkpoint's token vectors at that depth: load the trained weights from "
    "`path` and return the one text's vectors after `layer` layers (depth 0 = the embedding output)."
)
#: A text every learner run meets: spaces around it, capitals and accents a tokenizer may normalise.
EDGE_TEXT = "  The Café in Zürich, naïve and NEW "
#: One text every depth is checked on (a rare word in it splits into sub-tokens).
SWEEP_TEXT = "the river flows past the old jukebox to the sea"


def _reference(name, text):
    """Every depth's token vectors for one text, from the check's own encoder."""
    import torch

    batch = checkpoints.tokenizer(name)(text, return_tensors="pt")
    with torch.no_grad():
        states = checkpoints.reference("AutoModel", name)(**batch, output_hidden_states=True).hidden_states
    return [state[0] for state in states]


def _vectors(attempt, name, text, layer, shape):
    import torch

    got = attempt.layer_vectors(checkpoints.checkpoint(name), text, layer)
    if not isinstance(got, torch.Tensor):
        fail(TENSOR_LESSON, on=name, text=text, layer=layer, got=f"{type(got).__name__}: {got!r}"[:200])
    shown = dict(on=name, text=text, layer=layer, expected_shape=shape, got_shape=tuple(got.shape))
    if not got.is_floating_point():
        fail(NOT_FLOAT_LESSON, **shown, got_dtype=str(got.dtype))
    if got.dtype.itemsize < torch.float32.itemsize:
        fail(DTYPE_LESSON, **shown, expected_dtype="torch.float32", got_dtype=str(got.dtype))
    got = got.detach().float()
    if tuple(got.shape) == shape:
        return got
    if tuple(got.shape) == (1, *shape):
        fail(BATCH_LESSON, **shown)
    if got.dim() == 2 and got.shape[0] == len(checkpoints.tokenizer(name)(text, add_special_tokens=False)["input_ids"]):
        fail(SPECIALS_LESSON, **shown)
    _expect_text_as_given(name, text, layer, got, shown)
    if got.dim() == 2 and got.shape[0] > shape[0] and got.shape[1] == shape[1]:
        fail(PADDED_LESSON, **shown)
    fail(SHAPE_LESSON, **shown)


#: Ways learners "clean" a text before encoding it.
CLEANINGS = (
    ("stripped spaces", str.strip),
    ("lower-cased", str.lower),
    ("collapsed spaces", lambda text: " ".join(text.split())),
)


def _expect_text_as_given(name, text, layer, got, shown):
    """Vectors that belong to a "cleaned" copy of the text get their own lesson."""
    for how, clean in CLEANINGS:
        cleaned = clean(text)
        if cleaned == text:
            continue
        state = _reference(name, cleaned)[layer]
        if tuple(got.shape) == tuple(state.shape) and _same(got, state):
            fail(CHANGED_TEXT_LESSON.format(how=how), **shown, text_you_encoded=cleaned)


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
        _expect_text_as_given(name, text, layer, at(layer), shown)
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
    return checkpoints.reference("AutoModel", name).config.num_hidden_layers


@check("layer_vectors returns hidden_states[layer] for every layer 0..L", family=FAMILY)
def every_layer_matches(attempt, name):
    _expect_layers(attempt, name, SWEEP_TEXT, range(_depth(name) + 1))


@check("layer_vectors is right for drawn texts and layers", family=FAMILY)
def drawn_layers_match(attempt, name):
    @given(text=s.sentences(), layer=st.integers(0, 64))
    @example(text=EDGE_TEXT, layer=1)
    def prop(text, layer):
        _expect_layers(attempt, name, text, [layer % (_depth(name) + 1)])

    prop()
