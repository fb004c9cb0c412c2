"""Kata 16 · Describe a checkpoint without its weights

A checkpoint folder is two things: the weights, and a small JSON file saying
what the model is, its architecture and its sizes. Often the second part is
all you need: how wide, how deep, which vocabulary, which kind of model,
before you commit to downloading gigabytes. Here the weights are not even
there: every folder you are given holds a `config.json` and nothing else, so
anything that tries to build the model from it fails.

The raw JSON is no common language. Each family writes these sizes under keys
of its own (GPT-2, T5, DistilBERT and BART each name width and depth
differently), and some leave a value out so that the family's default
applies. One function must describe them all.

Your task: `describe(path)` returns a dict with exactly these five keys:
- "model_type": the architecture's identifier as transformers registers it
  ("bert", "gpt2", "t5", "deberta-v2", "gpt_neox", ...), spelled exactly so,
  hyphens and underscores included;
- "hidden_size": the width of the hidden states (an int);
- "num_layers": the number of layers; for an encoder-decoder, the encoder's
  alone (not the decoder's, not both stacks added up);
- "vocab_size": how many token ids the embeddings cover (an int);
- "is_encoder_decoder": True for encoder-decoder (seq2seq) models, else False.

It is called on config-only folders of every family of the tiny zoo
(encoders, decoders, encoder-decoders), on folders of architectures the zoo
does not have, and on copies whose width, depth, vocabulary size and decoder
depth were drawn at random: every value must come from the folder you are
given, none from what you know about the zoo.

Run `pytest katas/16_config_only.py`. Stuck? `autokata hint 16`; the whole story: `autokata explain 16`.
"""


def describe(path) -> dict:
    """The checkpoint's type and sizes, read from the folder at `path` (which has no weights)."""
    # TODO: read the checkpoint's description, return the five values.
    raise NotImplementedError
