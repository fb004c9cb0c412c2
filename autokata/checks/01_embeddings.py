"""Hidden checks for kata 01: AutoModel as a feature extractor, masked mean pooling."""

from hypothesis import given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import strategies as s

HINTS = (
    "There is an Auto class that adds *no* task head on top of the transformer: the plain one.",
    "`AutoModel.from_pretrained(path)` gives you `last_hidden_state` of shape [batch, tokens, hidden]. "
    "Tokenize with `padding=True, return_tensors=\"pt\"`.",
    "Multiply the hidden states by `attention_mask.unsqueeze(-1)`, sum over dim 1, and divide by "
    "`attention_mask.sum(dim=1, keepdim=True)`.",
)

HEAD_LESSON = (
    "AutoModel is the Auto class without a task head; `{got}` carries a head on top of the encoder "
    "(its outputs are task scores, not the hidden states you want to pool)."
)
CLS_LESSON = (
    "You returned only the first token's vector (CLS pooling). This kata asks for the mean over "
    "every real token of each text."
)
PADDING_LESSON = (
    "Your average includes the padding tokens, so a short text's vector changes when it is batched "
    "with a longer one. Use the attention mask to average over real tokens only."
)
VALUE_LESSON = "Your embeddings are not the masked mean of `last_hidden_state` over each text's real tokens."


@check("load_encoder loads the bare encoder class for the checkpoint", family=zoo.ENCODERS)
def loads_the_base_model(attempt, name):
    from transformers import AutoModel

    model = m.expect_model(attempt.load_encoder(m.checkpoint(name)), "load_encoder", name)
    got = type(model).__name__
    m.expect_class(model, AutoModel, name, HEAD_LESSON.format(got=got))


@check("load_encoder loads the checkpoint's trained weights", family=zoo.ENCODERS)
def loads_trained_weights(attempt, name):
    model = m.expect_model(attempt.load_encoder(m.checkpoint(name)), "load_encoder", name)
    m.expect_loaded(model, name)


def _pooled(name, texts):
    """Masked mean, first-token and plain-mean pooling of the reference encoder."""
    import torch

    tokenizer = m.tokenizer(name)
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = m.reference("AutoModel", name)(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    return {
        "masked mean": (hidden * mask).sum(1) / mask.sum(1),
        "cls": hidden[:, 0],
        "mean with padding": hidden.mean(1),
    }


def _embed(attempt, name, texts):
    import torch

    got = attempt.embed(m.reference("AutoModel", name), m.tokenizer(name), list(texts))
    if not isinstance(got, torch.Tensor):
        fail("`embed` should return a torch.Tensor with one row per text.", on=name, got=type(got).__name__)
    hidden = m.reference("AutoModel", name).config.hidden_size
    if tuple(got.shape) != (len(texts), hidden):
        fail(
            "`embed` should return one vector per text: shape [len(texts), hidden_size].",
            on=name, texts=texts, expected_shape=(len(texts), hidden), got_shape=tuple(got.shape),
        )
    return got.detach().float()


@check("embed returns the masked mean of last_hidden_state", family=zoo.ENCODERS)
def embeddings_are_masked_means(attempt, name):
    import torch

    @given(texts=s.uneven_batches())
    def prop(texts):
        got = _embed(attempt, name, texts)
        pooled = _pooled(name, texts)
        if torch.allclose(got, pooled["masked mean"], atol=1e-5):
            return
        if torch.allclose(got, pooled["cls"], atol=1e-5):
            fail(CLS_LESSON, on=name, texts=texts)
        if torch.allclose(got, pooled["mean with padding"], atol=1e-5):
            fail(PADDING_LESSON, on=name, texts=texts)
        fail(VALUE_LESSON, on=name, texts=texts, largest_difference=float((got - pooled["masked mean"]).abs().max()))

    prop()


@check("a text's embedding is the same alone and inside a padded batch", family=zoo.ENCODERS)
def batching_does_not_change_a_text(attempt, name):
    import torch

    @given(texts=s.uneven_batches())
    def prop(texts):
        together = _embed(attempt, name, texts)
        for row, text in enumerate(texts):
            alone = _embed(attempt, name, [text])[0]
            if not torch.allclose(together[row], alone, atol=1e-5):
                fail(PADDING_LESSON, on=name, batch=texts, text_that_changed=text)

    prop()
