"""Wrong answer: bfloat16, but built from the config, so the weights are random."""

import torch
from transformers import AutoConfig, AutoModel

MUTANT_EXPECTS = "gives random weights, whatever the type"


def load_bf16(path):
    return AutoModel.from_config(AutoConfig.from_pretrained(path), dtype=torch.bfloat16)
