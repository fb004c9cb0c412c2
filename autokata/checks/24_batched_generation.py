"""Hidden checks for kata 24: one batched generate() call gives every prompt its continuation alone."""

from hypothesis import assume, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = (
    "padding_side", "left", "pad_token", "pad_token_id", "eos_token", "attention_mask",
    "skip_special_tokens", "batch_decode",
)

LESSON = """\
A batch needs one length, so the tokenizer pads the short prompts, and the `attention_mask` (1 = real
token, 0 = padding) tells the model which positions to ignore. Two things then go wrong for a
decoder-only model that never go wrong for an encoder.

Where the padding goes. A decoder continues each row from the row's last position. With
`padding_side="right"` (the default of GPT-2's, Qwen2's and Mistral's tokenizers) a short prompt ends in padding, and its
continuation starts from pad tokens: its text changes. Set `tokenizer.padding_side = "left"` before
you tokenize (it only affects tokenizing done afterwards): every row then ends with its own last token,
and with the mask the model computes positions from the real tokens, so each row gives exactly what it
gives alone.

Whether it can pad at all. GPT-2's and Llama's tokenizers have no pad token: `tokenizer(prompts,
padding=True)` raises "Asking to pad but the tokenizer does not have a padding token". The usual fix is
`tokenizer.pad_token = tokenizer.eos_token`: the mask hides it, so which token fills does not matter,
as long as the model knows it. Adding a brand-new `[PAD]` token gives it an id past the end of the
model's embedding table, and the model crashes looking it up (unless you resize the embeddings).

Then one call: `model.generate(**batch, max_new_tokens=n, pad_token_id=tokenizer.pad_token_id)` with
`**batch` passing the `attention_mask` along with the ids (without it the model reads the padding as
prompt), and `tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)`,
which cuts the padded prompt width off every row. A loop of one generate() call per prompt gives the
same texts but is not batching, and the checks reject it.

The checks draw batches of prompts of very different lengths, keep only those where padding on the
wrong side visibly changes a text, and compare each of your texts with that prompt generated alone on
every zoo decoder; they watch how many generate() calls you make and what each one was given.
"""

HINTS = (
    "A decoder continues each row from its last position, so the filler must never be last; "
    "and a tokenizer with nothing to fill with cannot pad at all.",
    "Before tokenizing: `tokenizer.pad_token = tokenizer.eos_token` if it has none, and "
    "`tokenizer.padding_side = \"left\"`; then `tokenizer(prompts, padding=True, return_tensors=\"pt\")`.",
    "`model.generate(**batch, max_new_tokens=n_tokens, pad_token_id=tokenizer.pad_token_id)` passes the "
    "attention mask too; decode `out[:, batch[\"input_ids\"].shape[1]:]` with `skip_special_tokens=True`.",
)

NO_PAD_LESSON = (
    "This tokenizer has no pad token, so it cannot pad a batch. Decoder tokenizers often come without one; "
    "the mask hides the filler anyway, so any token the model already knows can serve."
)
RIGHT_PADDING_LESSON = (
    "Your batch was padded on the right. A decoder continues each row from its last position, which for a "
    "short prompt is then padding, so its text changes: the filler must go where it is never last."
)
NO_MASK_LESSON = (
    "generate() did not get the attention mask, so the model read the padding as part of the short "
    "prompts. Hand generate() the mask the tokenizer made along with the ids."
)
ONE_BATCH_LESSON = (
    "You did not generate the prompts as one batch: generate() was called {calls} time(s), with {rows} "
    "row(s). The texts may well be right, but the kata is batching: one generate() call continues all the "
    "prompts together, one row per prompt, which is what makes it fast."
)
PADDED_LATE_LESSON = (
    "Your batch was padded on the right, although your tokenizer's padding_side says \"left\" now: you "
    "changed it after tokenizing the prompts. The setting only affects tokenizing done afterwards, so set "
    "it before you tokenize."
)
NEW_PAD_LESSON = (
    "Your pad token is new to this model: its id {pad_id} lies outside the model's embedding table "
    "({rows} rows), so the model crashes looking it up. A token added to the tokenizer has no embedding "
    "yet; since the attention mask hides the filler anyway, a token the model already has can serve."
)
VALUE_LESSON = (
    "Some prompts got another continuation in your batch than alone: each text must be the greedy "
    "continuation of its prompt, new tokens only, without special tokens."
)

def _padded_batch(name: str, prompts: list[str], budget: int, side: str, with_mask: bool) -> list[str]:
    """What a batch gives when padded on `side`, with or without its attention mask."""
    import torch

    tokenizer = checkpoints.private_tokenizer(name)
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
    tokenizer.padding_side = side
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    inputs = dict(batch) if with_mask else {"input_ids": batch["input_ids"]}
    with torch.no_grad():
        out = decoders.reference_model(name).generate(
            **inputs, max_new_tokens=budget, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
    return decoders.as_texts(name, out[:, batch["input_ids"].shape[1]:].tolist())


def _embedding_rows(model) -> int | None:
    try:
        return int(model.get_input_embeddings().num_embeddings)
    except Exception:  # noqa: BLE001 - a model the learner replaced: no diagnosis, the crash stands
        return None


def _padded_on_the_right(watched: generate_watches.Watched) -> bool:
    """The mask generate() was handed ends in padding on some row."""
    mask = watched.masks[0] if watched.masks else None
    return mask is not None and mask.dim() == 2 and mask.shape[1] > 0 and bool((mask[:, -1] == 0).any())


@check("continue_batch gives each prompt the continuation it gets alone", family=zoo.DECODERS)
def batch_equals_alone(attempt, name):
    @given(prompts=s.uneven_batches(2, 4, 8), budget=st.integers(2, 6))
    def prop(prompts, budget):
        alone = [decoders.reference_texts(name, prompt, max_new_tokens=budget)[0] for prompt in prompts]
        right_padded = _padded_batch(name, prompts, budget, "right", with_mask=True)
        assume(not decoders.same_texts(right_padded, alone))  # prompts where padding on the wrong side shows
        drawn = dict(prompts=prompts, n_tokens=budget)
        model, tokenizer = decoders.model_for_learner(name), checkpoints.private_tokenizer(name)

        def cannot_pad(_watched: generate_watches.Watched) -> None:
            if tokenizer.pad_token is None:
                fail(NO_PAD_LESSON, on=name, **drawn)
            pad_id, rows = tokenizer.pad_token_id, _embedding_rows(model)
            if isinstance(pad_id, int) and rows is not None and pad_id >= rows:
                fail(NEW_PAD_LESSON.format(pad_id=pad_id, rows=rows), on=name, **drawn, pad_token=tokenizer.pad_token)

        watched = generate_watches.watch(
            lambda: attempt.continue_batch(model, tokenizer, list(prompts), budget), cannot_pad
        )
        generate_watches.expect_generate_called(watched, "continue_batch", name)
        rows = watched.rows()
        if watched.calls != 1 or rows[0] not in (None, len(prompts)):
            fail(ONE_BATCH_LESSON.format(calls=watched.calls, rows=" + ".join(str(r) for r in rows)),
                 on=name, **drawn, generate_calls=watched.calls, rows_per_call=rows)
        got = returns.expect_texts(watched.result, len(prompts), "continue_batch", name, **drawn)
        if decoders.same_texts(got, alone):
            return
        shown = dict(drawn, expected=alone, got=got)
        if decoders.same_texts(got, right_padded) or _padded_on_the_right(watched):
            late = getattr(tokenizer, "padding_side", None) == "left"
            fail(PADDED_LATE_LESSON if late else RIGHT_PADDING_LESSON, on=name, **shown)
        if decoders.same_texts(got, _padded_batch(name, prompts, budget, "left", with_mask=False)):
            fail(NO_MASK_LESSON, on=name, **shown)
        generate_watches.expect_no_sampling(watched, name, **shown)
        generate_watches.expect_budget(watched, budget, name, **shown)
        fail(VALUE_LESSON, on=name, **shown)

    prop()
