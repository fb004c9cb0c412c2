"""Kata 31 · Does a model see the future? Prove it (reference solution)."""

import torch


def sees_the_future(model, tokenizer) -> bool:
    """True if changing a later token changes the model's output at an earlier position."""
    ids = tokenizer("the cat sat on the mat", return_tensors="pt")["input_ids"]
    real = [i for i, token in enumerate(ids[0].tolist()) if token not in tokenizer.all_special_ids]
    first, last = real[0], real[-1]
    changed = ids.clone()
    changed[0, last] = ids[0, first]  # "mat" becomes "the": a real word changes near the end
    with torch.no_grad():
        before = model(input_ids=ids, output_hidden_states=True).hidden_states[-1]
        after = model(input_ids=changed, output_hidden_states=True).hidden_states[-1]
    return not torch.allclose(before[0, :last], after[0, :last], atol=1e-5)
