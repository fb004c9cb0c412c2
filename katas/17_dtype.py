"""Kata 17 · Load straight into bfloat16

By default a model's parameters are float32: four bytes per number. Halving
that to two bytes halves the memory a model takes and speeds it up on
hardware made for it. Two 16-bit formats exist and they are not the same:

- float16 (`torch.float16`, what `.half()` gives) keeps more mantissa bits
  but a small range: values above about 65 000 overflow to infinity.
- bfloat16 (`torch.bfloat16`) keeps float32's full range with fewer mantissa
  bits, which is why most large models are trained and served in it.

`from_pretrained` can load the weights straight into the type you ask for
with its `dtype=` argument (`dtype=torch.bfloat16`), so the float32 copy never
sits in memory. (Older code writes `torch_dtype=`; transformers 5 names it
`dtype`.) Converting after loading, or building the model from its config,
are not the same thing: the first costs the float32 memory anyway, the second
gives random weights.

Your task: `load_bf16(path)` loads the checkpoint at `path` with `AutoModel`
(it fits every family: BERT, GPT-2, T5, ...) so that every floating-point
parameter is bfloat16 and holds the checkpoint's own weights, rounded once
from float32 to bfloat16.

Run `pytest katas/17_dtype.py`; stuck? `autokata hint 17`.
"""

import torch  # noqa: F401  (you will need it)
from transformers import AutoModel  # noqa: F401  (you will need it)


def load_bf16(path):
    """The checkpoint's trained weights, every floating parameter in bfloat16."""
    # TODO: load the model from `path`, asking from_pretrained for bfloat16.
    raise NotImplementedError
