"""Kata 16 · Describe a checkpoint from its config alone

Every checkpoint folder carries a `config.json`: the architecture's name and
its sizes. Reading it is enough to answer "how big is this model, and what
kind is it?" without touching the weights, which may be gigabytes or, as in
this kata, not there at all. Loading a model from such a folder fails.

`AutoConfig.from_pretrained(path)` reads only that file and returns the right
config class for the architecture. The raw files disagree on names: GPT-2
writes `n_embd` and `n_layer`, T5 `d_model` and `num_layers`, DistilBERT
`dim` and `n_layers`, BART `d_model` and `encoder_layers`. A config object
maps them all onto the same standard attributes (`hidden_size`,
`num_hidden_layers`, `vocab_size`, ...), so one piece of code describes every
family. Reading the JSON yourself ties your code to one family's key names.

Your task: `describe(path)` returns a dict with exactly these keys:
- `model_type`: the architecture's name as transformers knows it ("bert", "gpt2", "t5", ...)
- `hidden_size`: the width of the hidden states
- `num_layers`: the number of layers (for encoder-decoders, the encoder's)
- `vocab_size`: the number of token ids the embeddings cover
- `is_encoder_decoder`: True for seq2seq models, else False

The check hands you folders that hold nothing but `config.json`, for every
family in the zoo, some of them with sizes it chose itself.

Run `pytest katas/16_config_only.py`; stuck? `autokata hint 16`.
"""

from transformers import AutoConfig  # noqa: F401  (you will need it)


def describe(path) -> dict:
    """The checkpoint's type and sizes, read from its config without loading weights."""
    # TODO: read the config at `path` and return the five values under the keys listed above.
    raise NotImplementedError
