"""Kata 17 · Load straight into bfloat16

A checkpoint's weights are stored as float32, four bytes per number. Serving
the model in a 16-bit format halves its memory and, on hardware made for it,
speeds it up. There are two 16-bit formats and they are not interchangeable:
float16 keeps more mantissa bits but overflows above about 65 000; bfloat16
keeps float32's whole range with fewer mantissa bits, which is why large
models are trained and served in it. A server wants the model in bfloat16
from the moment it is loaded, without holding a float32 copy first.

Your task: `load_bf16(path)` returns the pretrained model stored in the
checkpoint folder `path`: the transformer itself, no task head needed, and one
loader for every family (encoders such as BERT and RoBERTa, decoders such as
GPT-2, Llama and Qwen2, encoder-decoders such as T5, BART and Marian). Then:
- every floating-point parameter is bfloat16: not float16, not float32, not a mix;
- every weight the checkpoint stores equals its float32 value rounded once to
  bfloat16: the trained weights (not freshly initialised ones), and not rounded
  through another 16-bit type on the way.

Run `pytest katas/17_dtype.py`. Stuck? `autokata hint 17`; the whole story: `autokata explain 17`.
"""


def load_bf16(path):
    """The checkpoint's trained weights, every floating parameter in bfloat16."""
    # TODO: load the checkpoint so its parameters arrive as bfloat16.
    raise NotImplementedError
