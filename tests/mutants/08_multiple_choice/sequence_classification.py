"""Wrong answer: a sequence classifier scores each (prompt, choice) text on its own."""

import torch
from transformers import AutoModelForSequenceClassification

MUTANT_EXPECTS = "scores one text at a time"


def load_chooser(path):
    """Load the checkpoint with a multiple-choice head."""
    return AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def choose(model, tokenizer, prompt: str, choices: list[str]) -> int:
    """The index of the choice the model scores highest as the prompt's continuation."""
    encoding = tokenizer([prompt] * len(choices), choices, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**encoding).logits
    return int(logits[:, 0].argmax())
