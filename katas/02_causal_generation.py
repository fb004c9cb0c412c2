"""Kata 02 · Continue a text, one likely word at a time

An autocomplete feature must extend what the user typed. You hold pretrained
decoder-only checkpoints (GPT-2, Llama, Qwen2, Mistral), saved as local folders
with their tokenizers. Such a model reads left to right and scores every
vocabulary token as the possible next one; writing means repeating that step.

The contract:
- `load_generator(path)` returns the checkpoint as a model that can write on
  from a prompt: it keeps the part that scores the next token, the class is the
  one that fits the checkpoint's architecture, and the weights are the
  checkpoint's trained ones. It must work on every decoder listed above.
- `continue_text(model, tokenizer, prompt, n_tokens)` appends exactly
  `n_tokens` new tokens to `prompt` (the tiny checkpoints here never end
  early) and returns only those new tokens as text: not the prompt, and without
  the tokenizer's special tokens, even where the model produced some.
- Each new token is the single most likely one given everything before it: no
  randomness and no search over several candidate sequences, so the same prompt
  always gives the same text. Surrounding whitespace in the result does not
  matter.
- It works with the model and tokenizer exactly as `load_generator` and the
  checkpoint's tokenizer give them.

Run `pytest katas/02_causal_generation.py`. Stuck? `autokata hint 02`; the whole story: `autokata explain 02`.
"""


def load_generator(path):
    """The checkpoint at `path` as a model that writes on from a prompt."""
    # TODO: load the checkpoint with its next-token scorer.
    raise NotImplementedError


def continue_text(model, tokenizer, prompt: str, n_tokens: int) -> str:
    """The most-likely continuation of `prompt`, `n_tokens` tokens long, without the prompt."""
    # TODO: extend the prompt by n_tokens tokens; return the new text only.
    raise NotImplementedError
