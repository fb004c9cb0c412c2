"""Kata 25 · Defaults that travel with the model

You ship a causal language model to people who call generate() with nothing
but their encoded inputs. They should get your decoding choices (say, beam
search with 5 beams over 40 new tokens) without being told: the folder you
hand over must carry them.

Your task: `set_defaults` (signature below) loads the causal language model
and the tokenizer saved at `path`, and writes a folder at `out_dir` such that:

- loading `out_dir` the standard way, as a causal language model and as a
  tokenizer, works, with the same weights and the same tokenization as `path`;
- on that reloaded model, a generate() call given only the encoded inputs uses
  the new-token budget and the beam count you were given, both counted as
  generate() counts them (new tokens, not prompt plus new tokens);
- everything else about how the checkpoint decodes is unchanged: every other
  decoding default it came with (which tokens start, end and pad a text;
  sampling off; ...) is still there, with the same value, after the reload.

Values that live only in memory, or in a file the loader does not read, do not
count: the checks load `out_dir` in a fresh model and look at what it uses. It
must work for every decoder-only model of the zoo (GPT-2, Llama, Qwen2,
Mistral).

Run `pytest katas/25_generation_config.py`. Stuck? `autokata hint 25`; the whole story: `autokata explain 25`.
"""


def set_defaults(path, out_dir, max_new_tokens: int, num_beams: int) -> None:
    """Save the model at `path` to `out_dir` so a bare generate() uses these defaults."""
    # TODO: make the two values the saved model's defaults.
    raise NotImplementedError
