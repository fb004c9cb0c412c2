"""Hidden checks for kata 24: batched generation for decoders pads on the left, with a pad token and the mask."""

from hypothesis import assume, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import decoding as d
from autokata.kit import strategies as s

HINTS = (
    "A decoder continues each row from its last position, so padding must go where it cannot be last; "
    "and a tokenizer without a pad token cannot pad at all.",
    "Before tokenizing: `tokenizer.pad_token = tokenizer.eos_token` if it has none, and "
    "`tokenizer.padding_side = \"left\"`; then `tokenizer(prompts, padding=True, return_tensors=\"pt\")`.",
    "`model.generate(**batch, max_new_tokens=n_tokens, pad_token_id=tokenizer.pad_token_id)` passes the "
    "attention mask too; decode `out[:, batch[\"input_ids\"].shape[1]:]` with `skip_special_tokens=True`.",
)

NO_PAD_LESSON = (
    "This tokenizer has no pad token, so it cannot pad a batch. Decoder tokenizers often lack one: reuse "
    "the end-of-text token with `tokenizer.pad_token = tokenizer.eos_token`."
)
RIGHT_PADDING_LESSON = (
    "Your batch was padded on the right. A decoder continues each row from its last position, which for a "
    "short prompt is then padding, so its text changes. Set `tokenizer.padding_side = \"left\"`."
)
NO_MASK_LESSON = (
    "generate() did not get the attention mask, so the model read the padding as part of the short "
    "prompts. Pass it along with the ids: `model.generate(**batch, ...)`."
)
VALUE_LESSON = (
    "Some prompts got another continuation in your batch than alone: each text must be the greedy "
    "continuation of its prompt, new tokens only, decoded with `skip_special_tokens=True`."
)


def _padded_batch(name: str, prompts: list[str], budget: int, side: str, with_mask: bool) -> list[str]:
    """What a batch gives when padded on `side`, with or without its attention mask."""
    import torch

    tokenizer = d.tokenizer_for_learner(name)
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
    tokenizer.padding_side = side
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    inputs = dict(batch) if with_mask else {"input_ids": batch["input_ids"]}
    with torch.no_grad():
        out = d.reference_model(name).generate(
            **inputs, max_new_tokens=budget, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
    return d.as_texts(name, out[:, batch["input_ids"].shape[1]:].tolist())


@check("continue_batch gives each prompt the continuation it gets alone", family=zoo.DECODERS)
def batch_equals_alone(attempt, name):
    @given(prompts=s.uneven_batches(2, 4, 8), budget=st.integers(2, 6))
    def prop(prompts, budget):
        alone = [d.reference_texts(name, prompt, max_new_tokens=budget)[0] for prompt in prompts]
        right_padded = _padded_batch(name, prompts, budget, "right", with_mask=True)
        assume(not d.same_texts(right_padded, alone))  # prompts where padding on the wrong side shows
        drawn = dict(prompts=prompts, n_tokens=budget)
        model, tokenizer = d.model_for_learner(name), d.tokenizer_for_learner(name)

        def no_pad_token(_watched: d.Watched) -> None:
            if tokenizer.pad_token is None:
                fail(NO_PAD_LESSON, on=name, **drawn)

        watched = d.watch(lambda: attempt.continue_batch(model, tokenizer, list(prompts), budget), no_pad_token)
        d.expect_generate_called(watched, "continue_batch", name)
        got = d.expect_texts(watched.result, len(prompts), "continue_batch", name, **drawn)
        if d.same_texts(got, alone):
            return
        shown = dict(drawn, expected=alone, got=got)
        if d.same_texts(got, right_padded):
            fail(RIGHT_PADDING_LESSON, on=name, **shown)
        if d.same_texts(got, _padded_batch(name, prompts, budget, "left", with_mask=False)):
            fail(NO_MASK_LESSON, on=name, **shown)
        d.expect_no_sampling(watched, name, **shown)
        d.expect_budget(watched, budget, name, **shown)
        fail(VALUE_LESSON, on=name, **shown)

    prop()
