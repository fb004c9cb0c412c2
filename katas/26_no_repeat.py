"""Kata 26 · Continue without repeating a phrase

Small language models, and big ones decoding greedily, fall into loops: "the
cat sat on the cat sat on the cat...". Once a run of tokens has been written,
writing it again is often the most likely next step. A penalty that merely
makes earlier tokens less likely does not stop this; you want the repeat to be
impossible.

Your task:
`continue_without_repeats(model, tokenizer, prompt, ngram, n_tokens)` continues
`prompt` and returns only the new text.
- The continuation is greedy (the most likely allowed token at every step) and
  exactly `n_tokens` tokens long.
- No run of `ngram` consecutive token ids may occur twice in the whole
  sequence, the prompt's tokens included: a new token is never one that would
  complete an `ngram`-token run already present. With `ngram=1` no token
  appears twice at all. Among the allowed tokens the choice stays greedy, so the
  text equals what the model's own generation loop writes under that rule.
- The rule is enforced by the model's `generate()` while it decodes (the check
  watches which rules generate applies); filtering the text afterwards or a
  softer penalty does not count.
- Returned: the new text only, no prompt in front, no special tokens.
- `ngram` is drawn from 1 to 3, `n_tokens` from 3 to 8; the check runs GPT-2,
  Llama, Qwen2 and Mistral checkpoints and compares with its own greedy decode.

Run `pytest katas/26_no_repeat.py`. Stuck? `autokata hint 26`; the whole story: `autokata explain 26`.
"""


def continue_without_repeats(model, tokenizer, prompt: str, ngram: int, n_tokens: int) -> str:
    """Greedy continuation of `prompt` in which no run of `ngram` tokens occurs twice."""
    # TODO: generate greedily with repeated runs of tokens forbidden.
    raise NotImplementedError
