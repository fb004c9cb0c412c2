"""Kata 25 · Defaults that travel with the model

Every generate() setting you do not pass explicitly comes from the model's
`generation_config`, a `GenerationConfig` object that lives next to the model
config but apart from it. `model.config` describes the network (sizes,
layers, vocabulary); `model.generation_config` describes how to decode with it
(how many new tokens, how many beams, sampling or not, which token ends the
text).

`save_pretrained` writes the generation settings to their own file,
`generation_config.json`, and `from_pretrained` reads them back. So if you
ship a model whose users should get, say, 5-beam search over 40 new tokens
from a bare `model.generate(**inputs)`, put those values in its
generation_config before saving. Values changed after saving, or written
into `model.config`, do not reach them.

Your task: `set_defaults(path, out_dir, max_new_tokens, num_beams)` loads the
causal LM at `path` with its tokenizer, makes `max_new_tokens` and
`num_beams` its generation defaults, and saves model and tokenizer together
into `out_dir`. After `AutoModelForCausalLM.from_pretrained(out_dir)`, a
`generate()` call given only the inputs must use those values.

Run `pytest katas/25_generation_config.py`; stuck? `autokata hint 25`.
"""

from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig  # noqa: F401


def set_defaults(path, out_dir, max_new_tokens: int, num_beams: int) -> None:
    """Save the model at `path` to `out_dir` so a bare generate() uses these defaults."""
    # TODO: load model and tokenizer, set the two values on the model's generation config,
    #       then save both into out_dir.
    raise NotImplementedError
