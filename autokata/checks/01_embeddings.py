"""Hidden checks for kata 01: the bare encoder as a feature extractor, masked mean pooling."""

from functools import cache, lru_cache

from hypothesis import example, given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, loading
from autokata.kit import strategies as s

ANSWER = (
    "AutoModel",
    "last_hidden_state",
    "attention_mask",
    "hidden_states",
    "feature-extraction",
    "FeatureExtractionPipeline",
    "BertModel",
    "RobertaModel",
    "DistilBertModel",
    "ElectraModel",
    "AlbertModel",
    "DebertaV2Model",
)

LESSON = """
AutoModel is the Auto class with no task head: it reads the checkpoint's config, picks the base
class of that architecture (BertModel, RobertaModel, DistilBertModel, ...) and loads the trained
transformer body alone. Its output is `last_hidden_state`, one vector per token, shape
[batch, tokens, hidden]. The task classes (AutoModelForMaskedLM, AutoModelForSequenceClassification,
...) stack a head on that body and return task scores instead, which are no embedding. Building the
model with `from_config` would give the right class with random weights: load with
`from_pretrained(path)`.

One vector per text: average the token vectors. A batch of uneven texts is padded to the longest,
and the padding positions must not count. The tokenizer's `attention_mask` (1 = real token,
0 = padding) says which positions are real; pass it to the model (so no token attends to padding)
and use it as weights in the mean:
    mask = batch["attention_mask"].unsqueeze(-1)
    (hidden * mask).sum(1) / mask.sum(1)
A plain `hidden.mean(1)` averages the padding in, so a short text's vector changes with its batch
mates. Taking the first token (CLS pooling) is another recipe, not the mean asked for. Pad on the
right, the encoders' own default: BERT, DistilBERT, ELECTRA and ALBERT add an absolute position
vector to each token, and left padding moves a short text's tokens to later positions, so its
vector changes even with a correct masked mean.

The checks load every encoder of the zoo with your loader (class and weights), then compare your
`embed` with the masked mean computed here on the same model, and each text's vector alone with
its row inside a padded batch. The result stays in the model's float32: a half-precision copy
loses the digits the comparison needs.
"""

HINTS = (
    "There is an Auto class that stacks nothing on the transformer body: use it, then average each "
    "text's token vectors, counting only the positions that are real tokens.",
    "`AutoModel.from_pretrained(path)`; its output `last_hidden_state` is [batch, tokens, hidden]; "
    "the tokenizer's `attention_mask` marks the real tokens of a padded batch.",
    "batch = tokenizer(texts, padding=True, return_tensors=\"pt\"); hidden = "
    "model(**batch).last_hidden_state; mask = batch[\"attention_mask\"].unsqueeze(-1); return "
    "(hidden * mask).sum(1) / mask.sum(1)",
)

HEAD_LESSON = (
    "`{got}` puts a task head on top of the encoder: its outputs are task scores, not the per-token "
    "vectors you want to average. This kata wants the transformer body alone, without any task head."
)
CLS_LESSON = (
    "You returned only the first token's vector (CLS pooling). This kata asks for the mean over "
    "every real token of each text."
)
PADDING_LESSON = (
    "Your average includes the padding tokens, so a short text's vector changes when it is batched "
    "with a longer one. The tokenizer marks which positions are real tokens: average over those only."
)
LEFT_PADDING_LESSON = (
    "You padded on the left (`padding_side=\"left\"`). Your mean leaves the padding out, but "
    "{family} adds an absolute position vector to every token: left padding moves a short text's "
    "tokens to later positions, so the encoder reads it differently and its vector changes with its "
    "batch mates. Encoders pad on the right, their default."
)
UNMASKED_MODEL_LESSON = (
    "Your mean leaves the padding out, but the model itself was never told where the padding was: it "
    "ran on the ids alone, so every real token also attended to the padding positions and a short "
    "text's vectors changed with its batch mates. Give the model the tokenizer's mark of real "
    "tokens too."
)
BATCH_LESSON = "A text's vector changes when it is embedded inside a padded batch instead of alone."
DTYPE_LESSON = (
    "`embed` returned a tensor of dtype {dtype}. The encoder computes in float32, and the caller "
    "wants its vectors at that precision: {why}."
)
MODEL_DTYPE_LESSON = (
    "Your `embed` changed the model it was given to {dtype}. Leave the caller's model as it is: "
    "half precision drops digits of every vector, so embeddings no longer match the encoder's own."
)
VALUE_LESSON = (
    "Your embeddings are not the mean of the encoder's last-layer vectors over each text's real "
    "tokens."
)


@check("load_encoder loads the bare encoder class for the checkpoint", family=zoo.ENCODERS)
def loads_the_base_model(attempt, name):
    from transformers import AutoModel

    model = loading.expect_model(attempt.load_encoder(checkpoints.checkpoint(name)), "load_encoder", name)
    got = type(model).__name__
    loading.expect_class(model, AutoModel, name, HEAD_LESSON.format(got=got))


@check("load_encoder loads the checkpoint's trained weights", family=zoo.ENCODERS)
def loads_trained_weights(attempt, name):
    model = loading.expect_model(attempt.load_encoder(checkpoints.checkpoint(name)), "load_encoder", name)
    loading.expect_loaded(model, name)


def _family(name):
    """How a lesson names the encoder: "the bert encoder"."""
    return f"the {checkpoints.reference('AutoModel', name).config.model_type} encoder"


@cache
def _left_tokenizer(name):
    """A tokenizer of the check's own that pads on the left (the left-padding mistake)."""
    tokenizer = checkpoints.private_tokenizer(name)
    tokenizer.padding_side = "left"
    return tokenizer


def _masked_mean(hidden, mask):
    mask = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1)


@lru_cache(maxsize=256)
def _reference_mean(name: str, texts: tuple[str, ...]):
    """The reference encoder's masked mean: all a right answer is compared with (kept per drawn
    batch: watch's warm-up leaves it to every later check)."""
    import torch

    batch = checkpoints.tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = checkpoints.reference("AutoModel", name)(**batch).last_hidden_state
    return _masked_mean(hidden, batch["attention_mask"])


def _pooled(name, texts):
    """The masked mean of the reference encoder, and what each pooling mistake gives instead
    (three forward passes: asked only once an answer is wrong)."""
    import torch

    reference = checkpoints.reference("AutoModel", name)
    batch = checkpoints.tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    left = _left_tokenizer(name)(list(texts), padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = reference(**batch).last_hidden_state
        hidden_left = reference(**left).last_hidden_state
        hidden_unmasked = reference(input_ids=batch["input_ids"]).last_hidden_state
    return {
        "masked mean": _masked_mean(hidden, batch["attention_mask"]),
        "cls": hidden[:, 0],
        "mean with padding": hidden.mean(1),
        "left padding": _masked_mean(hidden_left, left["attention_mask"]),
        "model without mask": _masked_mean(hidden_unmasked, batch["attention_mask"]),
    }


def _close(a, b):
    """Equal up to float noise (both sides float32: a learner's dtype never crashes the check)."""
    import torch

    return a.shape == b.shape and torch.allclose(a.float(), b.float(), atol=1e-5)


def _embed(attempt, model, tokenizer, name, texts):
    """The learner's embeddings as float32, after proving they are a float32 (or wider) tensor
    of the right shape and that the model handed over kept its precision."""
    import torch

    got = attempt.embed(model, tokenizer, list(texts))
    if model.dtype != torch.float32:
        fail(MODEL_DTYPE_LESSON.format(dtype=model.dtype), on=name, texts=texts)
    if not isinstance(got, torch.Tensor):
        fail("`embed` should return a torch.Tensor with one row per text.", on=name, got=type(got).__name__)
    hidden = model.config.hidden_size
    if tuple(got.shape) != (len(texts), hidden):
        fail(
            "`embed` should return one vector per text: shape [len(texts), hidden_size].",
            on=name, texts=texts, expected_shape=(len(texts), hidden), got_shape=tuple(got.shape),
        )
    if not got.is_floating_point() or got.is_complex():
        why = "a mean of vectors is a fraction, and an integer tensor cannot hold it"
        fail(DTYPE_LESSON.format(dtype=got.dtype, why=why), on=name, texts=texts, got_dtype=str(got.dtype))
    if got.dtype in (torch.float16, torch.bfloat16) or torch.finfo(got.dtype).bits < 32:
        why = "a half-precision copy keeps only two or three significant digits, so nearby texts blur together"
        fail(DTYPE_LESSON.format(dtype=got.dtype, why=why), on=name, texts=texts, got_dtype=str(got.dtype))
    return got.detach().float()


def _mistake(got, pooled):
    """The lesson for a pooling mistake `got` matches, or None."""
    for key, lesson in (
        ("cls", CLS_LESSON),
        ("mean with padding", PADDING_LESSON),
        ("left padding", LEFT_PADDING_LESSON),
        ("model without mask", UNMASKED_MODEL_LESSON),
    ):
        if _close(got, pooled[key]) and not _close(pooled[key], pooled["masked mean"]):
            return lesson
    return None


@check("embed returns the masked mean of last_hidden_state", family=zoo.ENCODERS)
def embeddings_are_masked_means(attempt, name):
    model, tokenizer = checkpoints.private_copy("AutoModel", name), checkpoints.private_tokenizer(name)

    @given(texts=s.uneven_batches())
    @example(texts=["good", "the music was long and the drive felt short"])
    def prop(texts):
        got = _embed(attempt, model, tokenizer, name, texts)
        if _close(got, _reference_mean(name, tuple(texts))):
            return
        pooled = _pooled(name, texts)
        lesson = _mistake(got, pooled)
        if lesson:
            fail(lesson.format(family=_family(name)), on=name, texts=texts)
        fail(VALUE_LESSON, on=name, texts=texts, largest_difference=float((got - pooled["masked mean"]).abs().max()))

    prop()


@check("a text's embedding is the same alone and inside a padded batch", family=zoo.ENCODERS)
def batching_does_not_change_a_text(attempt, name):
    model, tokenizer = checkpoints.private_copy("AutoModel", name), checkpoints.private_tokenizer(name)

    @given(texts=s.uneven_batches())
    @example(texts=["good", "the music was long and the drive felt short"])
    def prop(texts):
        together = _embed(attempt, model, tokenizer, name, texts)
        for row, text in enumerate(texts):
            alone = _embed(attempt, model, tokenizer, name, [text])[0]
            if not _close(together[row], alone):
                lesson = _mistake(together, _pooled(name, texts)) or BATCH_LESSON
                fail(lesson.format(family=_family(name)), on=name, batch=texts, text_that_changed=text)

    prop()
