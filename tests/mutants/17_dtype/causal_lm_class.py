"""Wrong answer: a task class (causal LM) that only some families have."""

import torch
from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "has no model for this architecture"


def load_bf16(path):
    """The checkpoint's trained weights, every floating parameter in bfloat16."""
    return AutoModelForCausalLM.from_pretrained(path, dtype=torch.bfloat16)
