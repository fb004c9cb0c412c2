"""Three-label heads whose decisions run through the data.

A randomly drawn head on a tiny random encoder gives every text the same label
(measured: 0 flips in 90 texts, even with a wide init), and a check comparing
labels then cannot tell a right answer from a wrong one. So the head's output
layer is set from the features it sees on corpus texts of several kinds
(sentences, short, medium and over-long word salads): along the direction in
which texts of one kind differ most from each other, the lowest third of the
texts scores "negative", the middle third "neutral", the top third "positive".

The direction leaves out what tells the kinds apart (mostly length): along the
plain first principal direction, nearly every over-long text got one label, and
kata 35 draws exactly those. Deterministic: the same texts, the same features,
the same head.
"""

from __future__ import annotations

from typing import Any

#: Logit change per standard deviation of the corpus along the chosen direction:
#: sharp enough that batching noise never flips a label far from a boundary.
SHARPNESS = 4.0


def output_layer(model: Any) -> Any:
    """The head's last linear layer (the one with one output per label)."""
    import torch

    inside_base = {id(module) for module in model.base_model.modules()}
    layers = [
        module for module in model.modules()
        if isinstance(module, torch.nn.Linear) and id(module) not in inside_base
        and module.out_features == model.config.num_labels
    ]
    if len(layers) != 1:
        raise RuntimeError(f"{type(model).__name__}: expected one output layer, found {len(layers)}")
    return layers[0]


def head_features(model: Any, tokenizer: Any, texts: list[str]) -> Any:
    """What the output layer reads for each text (fed alone, cut to the model's limit): `[len(texts), d]`."""
    import torch

    layer = output_layer(model)
    seen = []
    hook = layer.register_forward_pre_hook(lambda _module, args: seen.append(args[0]))
    try:
        with torch.no_grad():
            for text in texts:
                model(**tokenizer(text, truncation=True, return_tensors="pt"))
    finally:
        hook.remove()
    return torch.cat(seen).double()


def calibrate(model: Any, tokenizer: Any, groups: dict[str, list[str]]) -> None:
    """Set the output layer so every kind of text in `groups` spreads over the three labels."""
    import torch

    model.eval()
    features = [head_features(model, tokenizer, texts) for texts in groups.values()]
    pooled = torch.cat(features)
    centre = pooled.mean(0)
    between, _ = torch.linalg.qr(torch.stack([f.mean(0) - centre for f in features]).T)
    within = torch.cat([(f - f.mean(0)) / (f - f.mean(0)).norm() for f in features])  # each kind weighs the same
    within = within - (within @ between) @ between.T
    direction = torch.linalg.svd(within, full_matrices=False)[2][0]
    direction = direction * torch.sign(direction[direction.abs().argmax()])  # a fixed sign, not the solver's
    unit = direction / ((pooled - centre) @ direction).std()
    offset = -(unit @ centre)
    low, high = torch.quantile(pooled @ unit + offset, torch.tensor([1 / 3, 2 / 3], dtype=torch.float64))
    # negative: -(z - low); neutral: 0; positive: z - high  (z = unit . x + offset)
    weight = torch.stack([-unit, torch.zeros_like(unit), unit]) * SHARPNESS
    bias = torch.stack([low - offset, torch.zeros_like(low), offset - high]) * SHARPNESS
    layer = output_layer(model)
    with torch.no_grad():
        layer.weight.copy_(weight.to(layer.weight.dtype))
        layer.bias.copy_(bias.to(layer.bias.dtype))


def label_shares(model: Any, tokenizer: Any, texts: list[str]) -> list[int]:
    """How many of `texts` each label wins (texts fed alone, cut to the model's limit)."""
    import torch

    counts = [0] * model.config.num_labels
    with torch.no_grad():
        for text in texts:
            logits = model(**tokenizer(text, truncation=True, return_tensors="pt")).logits
            counts[int(logits[0].argmax())] += 1
    return counts
