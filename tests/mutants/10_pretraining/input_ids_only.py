"""Wrong answer: passes only the input ids, so the model never sees which tokens are sentence B."""

import torch
from transformers import AutoConfig, AutoModelForPreTraining

MUTANT_EXPECTS = "did not see which tokens belong to sentence B"


def build_for_pretraining(path):
    """A freshly initialised pre-training model shaped like the checkpoint's config."""
    return AutoModelForPreTraining.from_config(AutoConfig.from_pretrained(path))


def pretraining_loss(
    model, tokenizer, first: str, second: str, mask_positions: list[int], is_next: bool
) -> torch.Tensor:
    """BERT's pre-training loss for one sentence pair: masked-word loss plus next-sentence loss."""
    input_ids = tokenizer(first, second, return_tensors="pt")["input_ids"].clone()
    labels = torch.full_like(input_ids, -100)
    labels[0, mask_positions] = input_ids[0, mask_positions]
    input_ids[0, mask_positions] = tokenizer.mask_token_id
    next_sentence_label = torch.tensor([0 if is_next else 1])
    return model(input_ids=input_ids, labels=labels, next_sentence_label=next_sentence_label).loss
