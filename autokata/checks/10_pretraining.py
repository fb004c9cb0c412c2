"""Hidden checks for kata 10: AutoModelForPreTraining from a config; the MLM + NSP loss.

The learner's freshly built model is its own reference: the check puts it in
eval mode (no dropout), lets the learner compute the loss, then computes every
candidate loss (right and wrong) from one seeded forward pass of the same
model object with the drawn mask positions and NSP label.
"""

import math

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, crashes, forward_passes, loading
from autokata.kit import strategies as s
from autokata.kit.outcomes import Plain

ANSWER = (
    "AutoModelForPreTraining",
    "PreTraining",
    "ForPreTraining",
    "BertForPreTraining",
    "AutoConfig",
    "from_config",
    "_from_config",
    "next_sentence_label",
    "mask_token_id",
    "ignore_index",
    "-100",
    "prediction_logits",
    "seq_relationship_logits",
    "token_type_ids",
)

LESSON = """
Pre-training from scratch needs the checkpoint's shape, not its knowledge. AutoConfig.from_pretrained
(path) reads only the configuration (vocabulary size, hidden size, layers, heads, ...), and
AutoModelForPreTraining.from_config(config) builds the model that configuration describes with fresh
random weights. from_pretrained would load the trained weights, which is fine-tuning, not pre-training.

For BERT, AutoModelForPreTraining is BertForPreTraining: the encoder with both pre-training heads, the
masked-word head (prediction_logits) and the next-sentence head (seq_relationship_logits).
AutoModelForMaskedLM has only the first; AutoModel has neither.

The model computes the combined loss itself when it gets both targets:
- labels: a tensor shaped like input_ids, holding the original token id at each masked position and
  -100 everywhere else. -100 is the index cross-entropy ignores, so the model is scored only where it
  could not copy the answer. Copy the original ids into labels before writing the mask token
  (tokenizer.mask_token_id) into input_ids, or the labels will ask for [MASK] itself.
- next_sentence_label: shape [batch], 0 when B follows A and 1 when B is random.
The returned loss is the masked-word cross-entropy plus the next-sentence cross-entropy. Encode the
pair with tokenizer(first, second) and pass everything it returns (token_type_ids mark sentence B;
without them the next-sentence head cannot tell the sentences apart). Keep the loss as the tensor the
model returns: no torch.no_grad(), no .item(), so loss.backward() can train the model.

The checks build your model on BERT checkpoints, compare its class and configuration with the
checkpoint's and its weights with the trained ones (they must differ); then they draw sentence
pairs, mask positions and labels, and compare your loss (with its gradient) against the model's own
loss, recognising a loss without its next-sentence part, an inverted label, labels on every
position, labels that hold the mask token, unmasked input and a pair without token type ids.
"""

HINTS = (
    "Training from scratch means the checkpoint's *shape* (its configuration) without its weights, and "
    "a model that carries both of BERT's pre-training heads. The model can compute the loss itself "
    "if you give it both kinds of targets.",
    "`AutoModelForPreTraining.from_config(AutoConfig.from_pretrained(path))`. For the loss, pass "
    "`labels` (original ids at the masked positions, -100 elsewhere) and `next_sentence_label` "
    "(0 when B follows A) to the model.",
    "Encode the pair, clone `input_ids`, make `labels = torch.full_like(ids, -100)`, copy "
    "`ids[0, positions]` into `labels[0, positions]`, *then* set `ids[0, positions] = "
    "tokenizer.mask_token_id`; return `model(..., labels=labels, next_sentence_label="
    "torch.tensor([0 if is_next else 1])).loss`.",
)

MLM_ONLY_LESSON = (
    "AutoModelForMaskedLM has only the masked-word head: BERT's pre-training also trains the "
    "next-sentence head, and the model you build must carry both heads."
)
HEAD_LESSON = (
    "`{got}` is not BERT's pre-training model: pre-training needs the encoder with both of its "
    "pre-training heads (masked words and next sentence)."
)
FROM_PRETRAINED_LESSON = (
    "Your model already holds the checkpoint's trained weights (from_pretrained loads them). "
    "Training from scratch starts from fresh random weights: take only the checkpoint's "
    "configuration, and build an untrained model from it."
)
CONFIG_LESSON = (
    "Your model is not shaped like the checkpoint: build it from the checkpoint's own configuration "
    "so sizes and vocabulary match."
)
TYPE_LESSON = "`pretraining_loss` should return the loss as a one-element torch tensor (the model output's `.loss`)."
GRAD_LESSON = (
    "Your loss carries no gradient back to the model's weights, so `loss.backward()` could not train "
    "it. Do not compute it under torch.no_grad() and do not turn it into a number."
)
GRAPH_LESSON = (
    "The gradient of your loss cannot be taken back to the weights any more (was backward() already "
    "called on it, inside `pretraining_loss`?). Return the loss untouched: the training loop calls "
    "backward() on it, and a graph can be walked back only once."
)
NSP_ONLY_MISSING_LESSON = (
    "Your loss is only the masked-word part. BERT's pre-training loss adds the next-sentence loss: "
    "give the model the next-sentence target too."
)
NO_IGNORE_LESSON = (
    "Your labels score every position. Only the masked positions carry a label; every other position "
    "must hold the index the loss ignores."
)
MASKED_LABELS_LESSON = (
    "Your labels hold the mask token, not the tokens that were hidden. Copy the original ids into "
    "the labels before you write the mask token into the input ids."
)
NOT_MASKED_LESSON = (
    "The model saw the original tokens at the masked positions. Replace them with the tokenizer's "
    "mask token in the input ids (the labels keep the originals)."
)
TOKEN_TYPES_LESSON = (
    "Your model did not see which tokens belong to sentence B: pass everything the tokenizer returns "
    "for the pair (`token_type_ids` too, not only `input_ids`), or the next-sentence head cannot "
    "tell the two sentences apart."
)
INVERTED_LESSON = (
    "Your next-sentence label is inverted: 0 means 'B follows A' and 1 means 'B is random'."
)
VALUE_LESSON = (
    "Your loss is not the masked-word loss (labels only at the drawn positions) plus the "
    "next-sentence loss for the drawn label."
)
TOLERANCE = 1e-5


def _built(attempt, name):
    with crashes.on_crash(name):
        built = attempt.build_for_pretraining(checkpoints.checkpoint(name))
        model = loading.expect_model(built, "build_for_pretraining", name)
    loading.expect_auto_class(
        model, "AutoModelForPreTraining", name, {"AutoModelForMaskedLM": MLM_ONLY_LESSON}, HEAD_LESSON
    )
    return model


@check("build_for_pretraining builds the pre-training class from the config, untrained", family=zoo.NSP)
def builds_from_scratch(attempt, name):
    from transformers import AutoConfig

    model = _built(attempt, name)
    wanted = AutoConfig.from_pretrained(checkpoints.checkpoint(name))
    fields = ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size")
    for field in fields:
        if getattr(model.config, field, None) != getattr(wanted, field):
            fail(CONFIG_LESSON, on=name, setting=field, expected=getattr(wanted, field),
                 got=getattr(model.config, field, None))
    if loading.same_weights(model, name):
        fail(FROM_PRETRAINED_LESSON, on=name)


def _positions(tokenizer, first, second, picks):
    """Token positions to mask, drawn among the pair's real (non-special) tokens."""
    encoding = tokenizer(first, second, return_special_tokens_mask=True)
    real = [i for i, special in enumerate(encoding["special_tokens_mask"]) if not special]
    return sorted({real[pick % len(real)] for pick in picks})


def _losses(model, tokenizer, first, second, positions, is_next, seed):
    """The right loss and each wrong one, from seeded forward passes of the learner's model."""
    import torch
    from torch.nn.functional import cross_entropy

    encoding = tokenizer(first, second, return_tensors="pt")
    original = encoding["input_ids"][0]
    masked = original.clone()
    masked[positions] = tokenizer.mask_token_id
    label = torch.tensor([0 if is_next else 1])

    def forward(ids):
        torch.manual_seed(seed)
        with torch.no_grad():
            output = model(**{**encoding, "input_ids": ids[None]})
        return output.prediction_logits[0], output.seq_relationship_logits

    words, pair = forward(masked)
    mlm = float(cross_entropy(words[positions], original[positions]))
    nsp = float(cross_entropy(pair, label))
    unmasked_words, unmasked_pair = forward(original)
    untyped = {key: value for key, value in encoding.items() if key != "token_type_ids"}
    torch.manual_seed(seed)
    with torch.no_grad():
        untyped_output = model(**{**untyped, "input_ids": masked[None]})
    untyped_words, untyped_pair = untyped_output.prediction_logits[0], untyped_output.seq_relationship_logits
    return {
        "right": mlm + nsp,
        NSP_ONLY_MISSING_LESSON: [mlm],
        INVERTED_LESSON: [mlm + float(cross_entropy(pair, 1 - label))],
        NO_IGNORE_LESSON: [float(cross_entropy(words, original)) + nsp,
                           float(cross_entropy(words, masked)) + nsp],
        MASKED_LABELS_LESSON: [float(cross_entropy(words[positions], masked[positions])) + nsp],
        TOKEN_TYPES_LESSON: [float(cross_entropy(untyped_words[positions], original[positions]))
                             + float(cross_entropy(untyped_pair, label))],
        NOT_MASKED_LESSON: [float(cross_entropy(unmasked_words[positions], original[positions]))
                            + float(cross_entropy(unmasked_pair, label))],
    }


def _expect_trainable_loss(got, gradient, name, shown):
    """The loss must be a one-element tensor whose gradient reaches the model's weights.

    A returned tensor crosses without its graph, so the gradient is taken where the graph lives,
    by `gradient` (a `forward_passes.LossGradient` watching the call), with respect to the input embeddings
    of the model the learner was given.
    """
    import torch

    if not isinstance(got, torch.Tensor) or got.numel() != 1:
        fail(TYPE_LESSON, on=name, **shown, got=Plain(f"{type(got).__name__}: {got!r}"[:200]))
    if not got.requires_grad or not gradient.taken:
        fail(GRAD_LESSON, on=name, **shown)
    if gradient.error is not None:
        fail(GRAPH_LESSON, on=name, **shown, the_gradient_said=str(gradient.error))
    if gradient.gradient is None:
        fail(GRAD_LESSON, on=name, **shown)


@check("pretraining_loss is the MLM + NSP loss for the drawn masks and label", family=zoo.NSP)
def loss_is_mlm_plus_nsp(attempt, name):
    import torch

    model = _built(attempt, name)
    tokenizer = checkpoints.tokenizer(name)
    theirs = checkpoints.private_tokenizer(name)

    @given(
        first=s.sentences(1, 4), second=s.sentences(1, 4), is_next=st.booleans(),
        picks=st.lists(st.integers(0, 200), min_size=1, max_size=4), seed=st.integers(0, 2**16),
    )
    def prop(first, second, is_next, picks, seed):
        positions = _positions(tokenizer, first, second, picks)
        shown = dict(first=first, second=second, mask_positions=positions, is_next=is_next)
        model.eval()
        torch.manual_seed(seed)
        with crashes.on_crash(name, **shown), forward_passes.LossGradient() as gradient:
            got = attempt.pretraining_loss(
                checkpoints.for_learner(model), theirs, first, second, list(positions), is_next
            )
        _expect_trainable_loss(got, gradient, name, shown)
        got = float(got.detach().reshape(()))
        losses = _losses(model, tokenizer, first, second, positions, is_next, seed)
        if math.isclose(got, losses["right"], abs_tol=TOLERANCE):
            return
        shown.update(expected=losses["right"], got=got)
        for lesson, wrong in losses.items():
            if lesson != "right" and any(math.isclose(got, w, abs_tol=TOLERANCE) for w in wrong):
                fail(lesson, on=name, **shown)
        fail(VALUE_LESSON, on=name, **shown)

    prop()
