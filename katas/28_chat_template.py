"""Kata 28 · Talk to a chat model in its own format

A chat model was trained on conversations written in one exact format: some
models mark turns with `<|im_start|>user ... <|im_end|>`, others with
`[USER] ... [/USER]`, others with plain `user: ...` lines. Feed it another
format and it is reading text it never saw in training. Each checkpoint ships
the format it was trained on; your code should not guess it.

A chat is a list of messages, each `{"role": ..., "content": ...}` with the
role "system", "user" or "assistant", in the order they were said.

Your tasks:
1. `chat_prompt(tokenizer, messages)` returns the prompt text (one `str`, not
   ids) for the whole chat, exactly as this checkpoint's own format writes it:
   every message, in order, with the checkpoint's markers for roles and turns,
   and at the end the marker that opens the assistant's turn, so that what
   the model writes next is its answer rather than more of the last message.
   It must work for one to four messages in any roles.
2. `reply(model, tokenizer, messages, n_tokens)` returns the model's answer to
   the chat: exactly `n_tokens` new tokens, greedy, continuing the prompt your
   `chat_prompt` gives, and only the new text.
   - The rendered prompt already holds every marker the model expects: the ids
     the model reads must be exactly that text's ids, with nothing the
     tokenizer would put in front or behind on its own.
   - Like a real chat model, it may end its turn with a special end-of-turn
     token: the returned text holds no special tokens.

The check uses GPT-2, Llama, Qwen2 and Mistral checkpoints whose formats all
differ, and
compares with its own rendering and greedy decode.

Run `pytest katas/28_chat_template.py`. Stuck? `autokata hint 28`; the whole story: `autokata explain 28`.
"""


def chat_prompt(tokenizer, messages: list[dict]) -> str:
    """The chat rendered in the checkpoint's own format, ready for the assistant to answer."""
    # TODO: render the whole chat in the checkpoint's format, as text.
    raise NotImplementedError


def reply(model, tokenizer, messages: list[dict], n_tokens: int) -> str:
    """The assistant's greedy reply of `n_tokens` tokens, without the prompt."""
    # TODO: continue the rendered chat greedily; return only the new text.
    raise NotImplementedError
