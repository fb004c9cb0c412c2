"""Build every zoo checkpoint into a folder (imports torch and transformers).

Only `cache` calls this, when no verified zoo exists for the current key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from autokata import quiet
from autokata.zoo.calibration import calibrate
from autokata.zoo.corpus import calibration_groups
from autokata.zoo.families import CONFIG_ONLY, ENCODERS, THREE_LABEL_NAMES, THREE_LABELS
from autokata.zoo.recipes import RECIPES

SEED = 1234
_ENCODER_WIDENING = 5.0


def build_all(folder: Path) -> None:
    quiet.silence_libraries()
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: threads only wait for each other (1000x slower on a busy machine)
    try:
        _build_all(folder)
    finally:
        torch.set_num_threads(threads)


def _build_all(folder: Path) -> None:
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


def _widen_encoder_layers(model) -> None:
    """Scale the encoder layers' weight matrices (not the embeddings) by `_ENCODER_WIDENING`.

    With the default 0.02 init, the first token's features barely depend on the rest of the
    text, so a head that tells texts apart must amplify differences of 1e-3, and float noise
    with them: a text alone and in a padded batch then scored 4e-4 apart. Widened, texts
    differ more and the noise stays near 1e-5; a fine-tuned encoder differs from its base anyway."""
    import torch

    with torch.no_grad():
        for name, param in model.base_model.named_parameters():
            if param.dim() == 2 and "embed" not in name:
                param.mul_(_ENCODER_WIDENING)


def _save_three_label_classifier(source: Path, target: Path) -> None:
    """A classifier 'fine-tuned' with three labels: its encoder's layers widened,
    the head's inner layers seeded (a standard fan-in init), its output layer
    calibrated on corpus texts so the three labels share them (see `calibration`)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    id2label = dict(enumerate(THREE_LABEL_NAMES))
    model, info = AutoModelForSequenceClassification.from_pretrained(
        source, id2label=id2label, label2id={v: k for k, v in id2label.items()}, output_loading_info=True
    )
    tokenizer = AutoTokenizer.from_pretrained(source)
    generator = torch.Generator().manual_seed(SEED)
    params = dict(model.named_parameters())
    with torch.no_grad():
        for key in sorted(info["missing_keys"]):
            param = params[key]
            if param.dim() == 2:
                param.copy_(torch.randn(param.shape, generator=generator) / param.shape[1] ** 0.5)
            else:
                param.fill_(1.0 if key.endswith("norm.weight") else 0.0)
    _widen_encoder_layers(model)
    calibrate(model, tokenizer, calibration_groups(SEED))
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
