"""Kata 20 · Save model and tokenizer for serving

A model you fine-tuned lives in memory until you write it out. To serve it,
or to hand it to a colleague, you want a folder that anyone can load back with
the Auto classes, exactly as they would load a published checkpoint: without
your code, without knowing the architecture, from the folder's path alone.

That folder must describe everything the loading side cannot guess: which
architecture to build and its sizes, the label names of a classifier, every
weight (the head's too), and the tokenizer's vocabulary and settings, so that
text turns into the very ids the model was trained on. A bare file of tensors
says none of the first things; a folder without the tokenizer leaves the ids
to chance.

Your task: `save_for_serving(model, tokenizer, out_dir)` writes the model and
its tokenizer into the folder `out_dir` itself (it exists and is empty; not a
subfolder of it), so that, from that one path:
- the Auto class matching the model (a sequence classifier for a classifier,
  the bare model for a bare encoder) rebuilds the same class, with the same
  label names in both directions;
- the Auto tokenizer turns any text into the same ids as the tokenizer you
  were given;
- the reloaded model computes the same outputs as the model you were given,
  in the same number type (float32 here): the weights you were handed, not
  the checkpoint's originals, and not converted on the way.

It is called with classifiers whose head and label names were changed after
loading, and with bare encoders whose embeddings were changed, of every
encoder family in the zoo.

Run `pytest katas/20_save_reload.py`. Stuck? `autokata hint 20`; the whole story: `autokata explain 20`.
"""


def save_for_serving(model, tokenizer, out_dir) -> None:
    """Write model and tokenizer into `out_dir` so the Auto classes reload them."""
    # TODO: write both, in the library's own format, into out_dir.
    raise NotImplementedError
