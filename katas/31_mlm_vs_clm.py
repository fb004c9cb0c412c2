"""Kata 31 · Does a model see the future? Prove it

A masked LM reads a whole sentence at once: what it computes for a word
depends on the words after it as well as before. A causal LM may only look
left: what it computes at position i never depends on anything after i.

An interviewer hands you a model and its tokenizer and asks which kind it is,
and wants proof, not a guess. Names and settings do not settle it: the same
class can read both sides on one checkpoint and only the left on another.

Your task: `sees_the_future(model, tokenizer)` returns True when the model's
output at some position depends on tokens to the right of that position, and
False when it does not.

The contract the check holds you to:
- decide by running the model on text: the check watches the model's forward
  passes, and an answer reached without running it fails even when it is
  right for that model;
- it must hold for every encoder (BERT, RoBERTa, DistilBERT, ELECTRA, ALBERT)
  and decoder (GPT-2, Llama, Qwen2) of the zoo, and for a BERT configured to
  attend only to the left;
- each checkpoint reaches you several ways: as a bare model and with a
  language-model head on top, so what comes out of a forward pass differs;
- the tokenizer is the checkpoint's own and may add special tokens of its
  own around your text;
- the effect can be small: in these tiny models a position that looks ahead
  may move by as little as 1e-4, while a position that cannot see a change
  stays equal up to float noise far below that;
- return a plain bool.

Run `pytest katas/31_mlm_vs_clm.py`. Stuck? `autokata hint 31`; the whole story: `autokata explain 31`.
"""


def sees_the_future(model, tokenizer) -> bool:
    """True if changing a later token changes the model's output at an earlier position."""
    # TODO: prove it by experiment on this model.
    raise NotImplementedError
