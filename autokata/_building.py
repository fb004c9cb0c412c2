"""Build every zoo checkpoint into a folder (imports torch and transformers).

Kept apart from `zoo.py` so that finding a built zoo costs no heavy import.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from autokata import quiet
from autokata._architectures import RECIPES
from autokata.zoo import CONFIG_ONLY, ENCODERS, SEED, THREE_LABEL_NAMES, THREE_LABELS

_HEAD_INIT_STD = 0.6


def build_all(folder: Path) -> None:
    quiet.silence_libraries()
    import torch
    import transformers

    for name, recipe in RECIPES.items():
        torch.manual_seed(SEED)
        model, tokenizer = recipe(transformers)
        if model.can_generate():
            _never_emit_special_tokens(model, tokenizer)
        model.save_pretrained(folder / name)
        tokenizer.save_pretrained(folder / name)
    for encoder, name in zip(ENCODERS, THREE_LABELS):
        _save_three_label_classifier(folder / encoder, folder / name)
    for name in CONFIG_ONLY:
        arch = name.split("/", 1)[1]
        (folder / name).mkdir(parents=True)
        shutil.copyfile(folder / arch / "config.json", folder / name / "config.json")


def _never_emit_special_tokens(model, tokenizer) -> None:
    """Generators must make real text: with the special tokens' output rows zeroed,
    a random tiny model never prefers EOS/pad/bos, so every decode runs its budget."""
    import torch

    with torch.no_grad():
        rows = model.get_output_embeddings().weight
        rows[sorted(set(tokenizer.all_special_ids))] = 0.0


def _save_three_label_classifier(source: Path, target: Path) -> None:
    """A classifier 'fine-tuned' with three labels: a seeded head with enough
    variance that different texts land on different labels."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    id2label = dict(enumerate(THREE_LABEL_NAMES))
    model, info = AutoModelForSequenceClassification.from_pretrained(
        source, id2label=id2label, label2id={v: k for k, v in id2label.items()}, output_loading_info=True
    )
    generator = torch.Generator().manual_seed(SEED)
    params = dict(model.named_parameters())
    with torch.no_grad():
        for key in sorted(info["missing_keys"]):
            params[key].copy_(torch.randn(params[key].shape, generator=generator) * _HEAD_INIT_STD)
    model.save_pretrained(target)
    AutoTokenizer.from_pretrained(source).save_pretrained(target)
