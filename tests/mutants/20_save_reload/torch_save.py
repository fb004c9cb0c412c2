"""Wrong answer: `torch.save` of the state dict (no config.json), tokenizer saved properly."""

import os

import torch

MUTANT_EXPECTS = "leaves the folder without config.json"


def save_for_serving(model, tokenizer, out_dir) -> None:
    torch.save(model.state_dict(), os.path.join(out_dir, "model.pt"))
    tokenizer.save_pretrained(out_dir)
