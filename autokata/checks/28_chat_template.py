"""Hidden checks for kata 28: apply_chat_template with the generation prompt, and a chat reply."""

import copy
import itertools
from collections.abc import Mapping

from hypothesis import example, given
from hypothesis import strategies as st

from autokata import zoo
from autokata.zoo.corpus import WORDS
from autokata.kit import check, fail
from autokata.kit import checkpoints, decoders, generate_watches, returns
from autokata.kit import strategies as s

ANSWER = (
    "apply_chat_template",
    "add_generation_prompt",
    "chat_template",
    "tokenize",
    "add_special_tokens",
    "skip_special_tokens",
    "max_new_tokens",
    "do_sample",
)

LESSON = """\
A chat model only understands conversations in the exact format it was trained on, and that format
differs from checkpoint to checkpoint (ChatML's `<|im_start|>user ... <|im_end|>`, Llama's
`[INST]`, plain `user:` lines, ...). So it travels with the checkpoint: the tokenizer carries a
`chat_template`, a small Jinja program, and `tokenizer.apply_chat_template(messages, ...)` renders a
list of `{"role": ..., "content": ...}` messages with it. Never format a chat by hand: a hand-made
format fits at most one checkpoint.

Two arguments matter:
- `tokenize=False` returns the rendered text; by default apply_chat_template returns token ids.
- `add_generation_prompt=True` appends the marker that opens the assistant's turn (for ChatML,
  `<|im_start|>assistant\n`). Without it the prompt ends after the last message, and the model may
  simply go on writing that message instead of answering it.

Render the whole conversation, every message in order: the model sees nothing but the prompt, so a
system message or an earlier turn left out of it is forgotten.

To reply: the rendered text already holds every special marker the template wants (a BOS, if the
template writes one). Encoding it with the tokenizer's defaults may add the tokenizer's own special
tokens on top, such as a second BOS, so encode with `add_special_tokens=False` (or let
apply_chat_template return the ids directly). Then generate greedily with `max_new_tokens`, keep only
the ids after the prompt, and decode with `skip_special_tokens=True`: a chat model ends its turn
with an end-of-turn token that is for the machinery, not the reader.

The check draws chats of one to four messages in any roles on GPT-2, Llama, Qwen2 and Mistral checkpoints
(each with a different template), compares `chat_prompt` with its own rendering, and compares
`reply` with its own greedy decode from that prompt, on a tokenizer that adds a BOS when encoding
and a model that ends its turn with the end-of-turn token.
"""

HINTS = (
    "The format of a chat belongs to the checkpoint: its tokenizer carries it as a small template "
    "program, and one tokenizer method renders a list of messages with it.",
    "`tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)` returns the "
    "prompt text, ending with the marker that opens the assistant's turn.",
    "For `reply`: `inputs = tokenizer(chat_prompt(tokenizer, messages), return_tensors=\"pt\", "
    "add_special_tokens=False)`, generate with `max_new_tokens=n_tokens`, and decode only "
    "`out[0, inputs[\"input_ids\"].shape[1]:]` with `skip_special_tokens=True`.",
)

HAND_FORMATTED_LESSON = (
    "Your prompt is not this checkpoint's own chat format: each checkpoint marks roles and turns its "
    "own way, so a prompt formatted by hand fits at most one of them. The format ships with the "
    "checkpoint, in its tokenizer: render the chat with it instead of writing the markers yourself."
)
DROPPED_LESSON = (
    "Your prompt leaves out messages of the chat ({kept} of {total} rendered): the model sees nothing "
    "but the prompt, so a system message or an earlier turn that is not in it is simply forgotten. "
    "Render every message, in order; the format itself is right."
)
NO_GENERATION_PROMPT_LESSON = (
    "Your prompt stops after the last message, without the generation prompt: nothing opens the "
    "assistant's turn, so the model may just go on writing the last message. The template can add "
    "that opening marker for you when asked to."
)
TOKENIZED_LESSON = (
    "`chat_prompt` returned token ids, not text: rendering a chat encodes it to ids unless you ask "
    "for the text."
)
TYPE_LESSON = "`chat_prompt` should return the rendered prompt as one `str`."
REPLY_VALUE_LESSON = (
    "Your reply is not the greedy continuation of the chat prompt: render the messages in the "
    "checkpoint's format with the assistant's turn opened, generate `n_tokens` new tokens greedily, "
    "and decode only those."
)
REPLY_PROMPT_LESSON = (
    "Your reply was generated from a prompt that is not this checkpoint's own chat format: each "
    "checkpoint marks roles and turns its own way. Generate from the chat rendered with the format "
    "the tokenizer carries, with the assistant's turn opened."
)
ADDED_SPECIALS_LESSON = (
    "Your reply was generated from the rendered prompt with the tokenizer's own special tokens added "
    "on top (a BOS in front that the template did not write): the rendered text already holds every "
    "marker the model expects, and real chat templates that start with BOS would get it twice. "
    "Encode the rendered text as it is, without the tokenizer's extra special tokens."
)
SPECIALS_KEPT_LESSON = (
    "Your reply still holds the end-of-turn token the model wrote last: that marker is for the "
    "machinery, not the reader. Leave special tokens out when you decode."
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
    return checkpoints.tokenizer(name).apply_chat_template(
        messages, tokenize=False, add_generation_prompt=generation_prompt
    )


def shorter_chats(messages: list[dict]) -> list[list[dict]]:
    """Every chat made of some, not all, of `messages`, in their order (at least one kept)."""
    return [
        [messages[i] for i in kept]
        for size in range(len(messages) - 1, 0, -1)
        for kept in itertools.combinations(range(len(messages)), size)
    ]


def _renders_of_fewer(name: str, messages: list[dict], got: str) -> list[dict] | None:
    """The messages kept, when `got` renders only some of `messages` (with or without the
    generation prompt)."""
    for fewer in shorter_chats(messages):
        if got in (rendered(name, fewer), rendered(name, fewer, generation_prompt=False)):
            return fewer
    return None


def _dropped(name: str, messages: list[dict], fewer: list[dict], **shown) -> None:
    fail(DROPPED_LESSON.format(kept=len(fewer), total=len(messages)), on=name, messages=messages,
         **shown, messages_in_your_prompt=fewer)


#: A whole chat, every role: a prompt that leaves out earlier messages shows on it.
WHOLE_CHAT = [
    {"role": "system", "content": "the capital of france"},
    {"role": "user", "content": "a cat and a dog"},
    {"role": "assistant", "content": "the dog fell"},
    {"role": "user", "content": "every bird asked"},
]
#: A question after an earlier turn, short enough for prompt and reply to fit the tiny models.
FOLLOW_UP = [{"role": "system", "content": "cheap bread"}, {"role": "user", "content": "the cat found"}]


def _generated_from(watch: generate_watches.GenerateWatch, name: str) -> str | None:
    """The text of the first sequence the learner's generate() call returned (prompt first)."""
    for sequences in watch.sequences:
        if sequences:
            return checkpoints.tokenizer(name).decode(sequences[0], skip_special_tokens=True).strip()
    return None


@check("chat_prompt renders the tokenizer's template with the generation prompt", family=zoo.CHAT)
def renders_the_template(attempt, name):
    tokenizer = checkpoints.private_tokenizer(name)

    @given(messages=conversations())
    @example(messages=WHOLE_CHAT)
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
        fewer = _renders_of_fewer(name, messages, got)
        if fewer is not None:
            _dropped(name, messages, fewer, expected=expected, got=got)
        fail(HAND_FORMATTED_LESSON, on=name, messages=messages, expected=expected, got=got)

    prop()


def _adds_bos(tokenizer):
    """The learner's tokenizer, made to prepend BOS when encoding (as real Llama tokenizers do), so
    that encoding the rendered prompt with the default special tokens shows (a doubled BOS)."""
    bos = tokenizer.bos_token
    if bos is not None and bos != tokenizer.eos_token and hasattr(tokenizer, "add_bos_token"):
        tokenizer.add_bos_token = True
    return tokenizer


def _added_specials(watch: generate_watches.GenerateWatch, name: str, reference: decoders.Continuation) -> bool:
    """True when the learner's generate() input starts with a special token the rendered prompt lacks."""
    bos = checkpoints.tokenizer(name).bos_token_id
    for sequences in watch.sequences:
        if sequences:
            first = list(sequences[0])[:1]
            return bos is not None and first == [bos] and list(reference.prompt_ids)[:1] != [bos]
    return False


@check("reply returns only the greedy reply to the templated chat", family=zoo.CHAT)
def replies_to_the_chat(attempt, name):
    model, tokenizer = decoders.model_for_learner(name), _adds_bos(checkpoints.private_tokenizer(name))
    # Like a real chat model, the reply ends with the end-of-turn token (forced as the last new token
    # here): only `skip_special_tokens=True` keeps it out of the text.
    end = {"forced_eos_token_id": checkpoints.tokenizer(name).eos_token_id}
    model.generation_config.forced_eos_token_id = end["forced_eos_token_id"]

    @given(messages=questions(), n_tokens=st.integers(2, 6))
    @example(messages=FOLLOW_UP, n_tokens=4)
    def prop(messages, n_tokens):
        drawn = dict(messages=messages, n_tokens=n_tokens)
        with generate_watches.watch_generate() as watch:
            got = attempt.reply(model, tokenizer, copy.deepcopy(messages), n_tokens)
        got = returns.expect_text(got, "reply", name, **drawn)
        generate_watches.expect_generate_called(watch, "reply", name, **drawn)
        reference = decoders.continuation(name, rendered(name, messages), n_tokens, **end)
        if reference.matches(got):
            return
        decoders.reject_prompt_echo(reference, got, name, **drawn)
        if decoders.continuation(name, rendered(name, messages, generation_prompt=False), n_tokens, **end).matches(got):
            fail(NO_GENERATION_PROMPT_LESSON, on=name, **drawn, expected=reference.text, got=got)
        generate_watches.reject_sampling(watch, name, **drawn)
        eos = checkpoints.tokenizer(name).eos_token
        if reference.text + eos == got or got.endswith(eos):
            fail(SPECIALS_KEPT_LESSON, on=name, **drawn, expected=reference.text, got=got)
        if _added_specials(watch, name, reference):
            fail(ADDED_SPECIALS_LESSON, on=name, **drawn, expected=reference.text, got=got)
        for fewer in shorter_chats(messages):
            if decoders.continuation(name, rendered(name, fewer), n_tokens, **end).matches(got):
                fail(DROPPED_LESSON.format(kept=len(fewer), total=len(messages)), on=name, **drawn,
                     messages_in_your_prompt=fewer, expected=reference.text, got=got)
        generated_from = _generated_from(watch, name)
        if generated_from is not None and not generated_from.startswith(reference.prompt_text.strip()):
            fail(REPLY_PROMPT_LESSON, on=name, **drawn, expected_prompt=reference.prompt_text,
                 generated_from=generated_from[:len(reference.prompt_text) + 20])
        fail(REPLY_VALUE_LESSON, on=name, **drawn, expected=reference.text, got=got)

    prop()
