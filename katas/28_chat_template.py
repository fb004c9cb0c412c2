"""Kata 28 · Prompts from chat templates

A chat model was trained on conversations written in one exact format: some
models mark turns with `<|im_start|>user ... <|im_end|>`, others with
`[USER] ... [/USER]`, others with plain `user: ...` lines. Feed it another
format and it is reading text it never saw in training.

That format travels with the checkpoint: the tokenizer carries a
`chat_template` (a small Jinja program), and
`tokenizer.apply_chat_template(messages, ...)` renders a list of
`{"role": ..., "content": ...}` messages with it. Two arguments matter here:
- `tokenize=False` returns the rendered text instead of token ids;
- `add_generation_prompt=True` appends the marker that opens the assistant's
  turn, so the model's next words are its reply, not more of your message.

Your tasks:
1. `chat_prompt(tokenizer, messages)`: the prompt text for `messages`, rendered
   with the tokenizer's own template and ending with the generation prompt.
2. `reply(model, tokenizer, messages, n_tokens)`: the model's reply to the chat:
   exactly `n_tokens` new tokens, greedy, returning only the new text (special
   tokens skipped). The rendered prompt already holds every marker the
   template wants, so encode it without adding special tokens of your own.

The check uses GPT-2, Llama and Qwen2 checkpoints whose templates all differ.

Run `pytest katas/28_chat_template.py`; stuck? `autokata hint 28`.
"""


def chat_prompt(tokenizer, messages: list[dict]) -> str:
    """The chat rendered with the tokenizer's template, ready for the assistant to answer."""
    # TODO: render the messages with the tokenizer's chat template, as text,
    # with the assistant's turn opened at the end.
    raise NotImplementedError


def reply(model, tokenizer, messages: list[dict], n_tokens: int) -> str:
    """The assistant's greedy reply of `n_tokens` tokens, without the prompt."""
    # TODO: build the prompt, tokenize it, generate greedily, decode only the new tokens.
    raise NotImplementedError
