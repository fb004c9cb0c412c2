"""Wrong answer: the padded rows go in without their attention mask, so the model reads the pads."""

import torch
from transformers import AutoModelForMultipleChoice

MUTANT_EXPECTS = "read the padding of the shorter rows"


def load_chooser(path):
    """Load the checkpoint with a multiple-choice head."""
    return AutoModelForMultipleChoice.from_pretrained(path)


def choose(model, tokenizer, prompt: str, choices: list[str]) -> int:
    """The index of the choice the model scores highest as the prompt's continuation."""
    encoding = tokenizer([prompt] * len(choices), choices, padding=True, return_tensors="pt")
    batch = {key: value.unsqueeze(0) for key, value in encoding.items() if key != "attention_mask"}
    with torch.no_grad():
        logits = model(**batch).logits
    return int(logits[0].argmax())
