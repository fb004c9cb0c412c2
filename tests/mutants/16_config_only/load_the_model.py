"""Wrong answer: loads the whole model to read its config (fails: no weights in the folder)."""

from transformers import AutoModel

MUTANT_EXPECTS = "a model needs its weights file"


def describe(path) -> dict:
    config = AutoModel.from_pretrained(path).config
    return {
        "model_type": config.model_type,
        "hidden_size": config.hidden_size,
        "num_layers": config.num_hidden_layers,
        "vocab_size": config.vocab_size,
        "is_encoder_decoder": config.is_encoder_decoder,
    }
