"""Wrong answer: token_type_ids left out, so BERT-style models read the choice as part of the prompt."""

import torch
from transformers import AutoModelForMultipleChoice

MUTANT_EXPECTS = "token_type_ids were all 0"


def load_chooser(path):
    """Load the checkpoint with a multiple-choice head."""
    return AutoModelForMultipleChoice.from_pretrained(path)


def choose(model, tokenizer, prompt: str, choices: list[str]) -> int:
    """The index of the choice the model scores highest as the prompt's continuation."""
    encoding = tokenizer([prompt] * len(choices), choices, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(
            input_ids=encoding["input_ids"].unsqueeze(0), attention_mask=encoding["attention_mask"].unsqueeze(0)
        ).logits
    return int(logits[0].argmax())
