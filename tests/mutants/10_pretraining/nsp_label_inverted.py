"""Wrong answer: the next-sentence label is 1 when B follows A."""

import torch
from transformers import AutoConfig, AutoModelForPreTraining

MUTANT_EXPECTS = "label is inverted"


def build_for_pretraining(path):
    """A freshly initialised pre-training model shaped like the checkpoint's config."""
    return AutoModelForPreTraining.from_config(AutoConfig.from_pretrained(path))


def pretraining_loss(
    model, tokenizer, first: str, second: str, mask_positions: list[int], is_next: bool
) -> torch.Tensor:
    """BERT's pre-training loss for one sentence pair: masked-word loss plus next-sentence loss."""
    encoding = tokenizer(first, second, return_tensors="pt")
    input_ids = encoding["input_ids"].clone()
    labels = torch.full_like(input_ids, -100)
    labels[0, mask_positions] = input_ids[0, mask_positions]
    input_ids[0, mask_positions] = tokenizer.mask_token_id
    encoding["input_ids"] = input_ids
    next_sentence_label = torch.tensor([1 if is_next else 0])
    return model(**encoding, labels=labels, next_sentence_label=next_sentence_label).loss
