"""Hidden checks for kata 28: apply_chat_template with the generation prompt, and a chat reply."""

import copy
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from autokata import zoo
from autokata._corpus import WORDS
from autokata.kit import check, fail
from autokata.kit import models as m
from autokata.kit import scoring as sc
from autokata.kit import strategies as s

HINTS = (
    "The format of a chat belongs to the checkpoint: its tokenizer carries a `chat_template`, and one "
    "tokenizer method renders messages with it.",
    "`tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)` returns the "
    "prompt text, ending with the marker that opens the assistant's turn.",
    "For `reply`: `inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors=\"pt\", "
    "add_special_tokens=False)`, generate with `max_new_tokens=n_tokens`, and decode only "
    "`out[0, inputs[\"input_ids\"].shape[1]:]` with `skip_special_tokens=True`.",
)

HAND_FORMATTED_LESSON = (
    "Your prompt is not this tokenizer's chat template: each checkpoint marks roles and turns its own "
    "way, so a prompt formatted by hand fits at most one of them. Let "
    "`tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)` render it."
)
NO_GENERATION_PROMPT_LESSON = (
    "Your prompt stops after the last message, without the generation prompt: nothing opens the "
    "assistant's turn, so the model may just go on writing the last message. Pass "
    "`add_generation_prompt=True`."
)
TOKENIZED_LESSON = (
    "`chat_prompt` returned token ids, not text: apply_chat_template tokenizes unless you pass "
    "`tokenize=False`."
)
TYPE_LESSON = "`chat_prompt` should return the rendered prompt as one `str`."
REPLY_VALUE_LESSON = (
    "Your reply is not the greedy continuation of the chat prompt: render the messages with the "
    "template and the generation prompt, generate `n_tokens` new tokens greedily, and decode only those."
)
REPLY_PROMPT_LESSON = (
    "Your reply was generated from a prompt that is not this tokenizer's chat template: each "
    "checkpoint marks roles and turns its own way. Generate from the text "
    "`apply_chat_template(messages, tokenize=False, add_generation_prompt=True)` renders."
)
ROLES = ("system", "user", "assistant")


def _message(roles: tuple[str, ...], content: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({"role": st.sampled_from(roles), "content": content})


def conversations() -> st.SearchStrategy[list[dict]]:
    """One to four messages in any roles (a template renders whatever it is given)."""
    return st.lists(_message(ROLES, s.sentences(1, 6)), min_size=1, max_size=4)


def questions() -> st.SearchStrategy[list[dict]]:
    """Chats waiting for an answer: perhaps an earlier turn, then a user message. Kept short
    (known words only): templates cost many tokens in the tiny vocabularies, and prompt plus
    reply must fit in the tiny models' 128 positions."""
    content = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
    return st.tuples(st.lists(_message(ROLES, content), max_size=1), _message(("user",), content)).map(
        lambda parts: [*parts[0], parts[1]]
    )


def rendered(name: str, messages: list[dict], generation_prompt: bool = True) -> str:
    return m.tokenizer(name).apply_chat_template(
        messages, tokenize=False, add_generation_prompt=generation_prompt
    )


def _generated_from(watch: sc.GenerateWatch, name: str) -> str | None:
    """The text of the first sequence the learner's generate() call returned (prompt first)."""
    for call in watch.calls:
        if call.sequences:
            return m.tokenizer(name).decode(call.sequences[0], skip_special_tokens=True).strip()
    return None


@check("chat_prompt renders the tokenizer's template with the generation prompt", family=zoo.CHAT)
def renders_the_template(attempt, name):
    tokenizer = sc.tokenizer_for_learner(name)

    @given(messages=conversations())
    def prop(messages):
        got = attempt.chat_prompt(tokenizer, copy.deepcopy(messages))
        expected = rendered(name, messages)
        if got == expected:
            return
        if not isinstance(got, str):
            tokenized = isinstance(got, (list, tuple, Mapping)) or hasattr(got, "shape")
            lesson = TOKENIZED_LESSON if tokenized else TYPE_LESSON
            fail(lesson, on=name, messages=messages, got=f"{type(got).__name__}: {got!r}")
        if got == rendered(name, messages, generation_prompt=False):
            fail(NO_GENERATION_PROMPT_LESSON, on=name, messages=messages, expected=expected, got=got)
        fail(HAND_FORMATTED_LESSON, on=name, messages=messages, expected=expected, got=got)

    prop()


@check("reply returns only the greedy reply to the templated chat", family=zoo.CHAT)
def replies_to_the_chat(attempt, name):
    model, tokenizer = sc.decoder_for_learner(name), sc.tokenizer_for_learner(name)

    @given(messages=questions(), n_tokens=st.integers(2, 6))
    def prop(messages, n_tokens):
        drawn = dict(messages=messages, n_tokens=n_tokens)
        with sc.watch_generate() as watch:
            got = attempt.reply(model, tokenizer, copy.deepcopy(messages), n_tokens)
        got = sc.expect_text(got, "reply", name, **drawn)
        sc.expect_generate_called(watch, "reply", name, **drawn)
        reference = sc.continuation(name, rendered(name, messages), n_tokens)
        if reference.matches(got):
            return
        sc.reject_prompt_echo(reference, got, name, **drawn)
        if sc.continuation(name, rendered(name, messages, generation_prompt=False), n_tokens).matches(got):
            fail(NO_GENERATION_PROMPT_LESSON, on=name, **drawn, expected=reference.text, got=got)
        sc.reject_sampling(watch, name, **drawn)
        generated_from = _generated_from(watch, name)
        if generated_from is not None and not generated_from.startswith(reference.prompt_text.strip()):
            fail(REPLY_PROMPT_LESSON, on=name, **drawn, expected_prompt=reference.prompt_text,
                 generated_from=generated_from[:len(reference.prompt_text) + 20])
        fail(REPLY_VALUE_LESSON, on=name, **drawn, expected=reference.text, got=got)

    prop()
