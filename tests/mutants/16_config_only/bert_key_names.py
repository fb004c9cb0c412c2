"""Wrong answer: reads config.json by hand with BERT's key names."""

import json
import os

MUTANT_EXPECTS = "names these fields its own way"


def describe(path) -> dict:
    with open(os.path.join(path, "config.json")) as file:
        raw = json.load(file)
    return {
        "model_type": raw["model_type"],
        "hidden_size": raw["hidden_size"],
        "num_layers": raw["num_hidden_layers"],
        "vocab_size": raw["vocab_size"],
        "is_encoder_decoder": raw.get("is_encoder_decoder", False),
    }
