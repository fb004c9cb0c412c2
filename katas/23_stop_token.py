"""Kata 23 · Stop at a token

generate() keeps adding tokens until one of two things happens: it has made
`max_new_tokens` of them, or it has just produced an end-of-sequence token.
Which token counts as "the end" is a setting, `eos_token_id`, and you may pass
your own: a newline, a closing tag, a chat model's end-of-turn marker. The
stop token itself is kept as the last generated token.

You could also let generate() run its whole budget and cut the text
afterwards, but then the model computes every token past the stop for
nothing (on a real model, that is most of your waiting time). Let generate()
stop.

`eos_token_id` wants a token *id*; you get the token as a string, the way the
vocabulary writes it (`tokenizer.convert_ids_to_tokens` prints such strings,
e.g. '▁the' on Llama). Turn it into its id with the tokenizer, and make sure
you get that token's id and not, say, a start-of-text token the tokenizer
adds in front.

Your task: `generate_until(model, tokenizer, prompt, stop_token,
max_new_tokens)` continues `prompt` greedily and returns the new text
(new tokens only, decoded with `skip_special_tokens=True`). It ends with the
stop token when the model produces it, and otherwise after `max_new_tokens`.

Run `pytest katas/23_stop_token.py`; stuck? `autokata hint 23`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def generate_until(model, tokenizer, prompt: str, stop_token: str, max_new_tokens: int) -> str:
    """Greedy continuation of `prompt` that stops right after `stop_token` (or at the budget)."""
    # TODO: find the stop token's id, let generate() stop on it, decode only the new tokens.
    raise NotImplementedError
