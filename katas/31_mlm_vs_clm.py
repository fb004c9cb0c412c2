"""Kata 31 · Does a model see the future? Prove it

A masked LM (BERT, RoBERTa, ...) reads the whole sentence at once: the vector
it computes for a word depends on the words after it as well as before. A
causal LM (GPT-2, Llama, Qwen2) may only look left, because it is trained to
predict the next token: its output at position i never depends on tokens
after i.

Interviewers like to ask how you would *tell* which kind a model is. Looking
it up is unreliable: GPT-2's config never sets `is_decoder=True`, and one
class name can go either way (a `BertLMHeadModel` built from a BERT
configured as a decoder attends only left; the same class loaded from a plain
BERT checkpoint still reads both sides). The attention mask the model really
uses is what counts, and an experiment shows it:

1. tokenize a short sentence and run the model;
2. change one real word near the end (not a special token such as `[SEP]`)
   and run it again;
3. look at the outputs at an *earlier* position. If they changed, the model
   saw the future.

Your task: `sees_the_future(model, tokenizer)` returns True if the model's
output at a position depends on tokens to its right, False if not. The model
may be bare (`AutoModel`) or carry an LM head, so compare hidden states
(`output_hidden_states=True`, take the last one) rather than logits. Decide
with a tolerance (`torch.allclose`), not exact equality of floats.

Run `pytest katas/31_mlm_vs_clm.py`; stuck? `autokata hint 31`.
"""

import torch  # noqa: F401  (you will need it)


def sees_the_future(model, tokenizer) -> bool:
    """True if changing a later token changes the model's output at an earlier position."""
    # TODO: run the model twice, the second time with a later token changed, and compare an earlier position.
    raise NotImplementedError
