"""Kata 26 · No repeated n-grams

Small language models, and big ones under greedy decoding, fall into loops:
"the cat sat on the cat sat on the cat...". Once a run of tokens has been
produced, producing it again is often the most likely next step.

`generate()` can forbid that outright. With `no_repeat_ngram_size=n`, before
each new token it looks at the last n-1 tokens of the sequence (prompt
included) and bans every token that would complete an n-token run already
present. Nothing is merely discouraged: a repeated n-gram simply cannot occur.
(`repetition_penalty` is a different knob: it only lowers the scores of tokens
seen before, so repeats stay possible.)

Your task:
`continue_without_repeats(model, tokenizer, prompt, ngram, n_tokens)`: continue
`prompt` greedily with exactly `n_tokens` new tokens, with no n-gram of size
`ngram` appearing twice, and return only the new text (special tokens
skipped). The check tries GPT-2, Llama and Qwen2 checkpoints.

Run `pytest katas/26_no_repeat.py`; stuck? `autokata hint 26`.
"""


def continue_without_repeats(model, tokenizer, prompt: str, ngram: int, n_tokens: int) -> str:
    """Greedy continuation of `prompt` in which no run of `ngram` tokens occurs twice."""
    # TODO: tokenize the prompt, generate with the n-gram ban and the token budget,
    # then decode only the new tokens.
    raise NotImplementedError
