"""Wrong answer: rebuilds `model_type` from the config's class name (right for every zoo
type, wrong for DebertaV2Config, which transformers registers as "deberta-v2")."""

from transformers import AutoConfig

MUTANT_EXPECTS = "is not the identifier transformers registers"


def describe(path) -> dict:
    """The checkpoint's type and sizes, read from the folder at `path` (which has no weights)."""
    config = AutoConfig.from_pretrained(path)
    return {
        "model_type": type(config).__name__.removesuffix("Config").lower(),
        "hidden_size": config.hidden_size,
        "num_layers": config.num_hidden_layers,
        "vocab_size": config.vocab_size,
        "is_encoder_decoder": config.is_encoder_decoder,
    }
