"""Wrong answer: reports the decoder's depth for encoder-decoders instead of the encoder's."""

from transformers import AutoConfig

MUTANT_EXPECTS = "is not the encoder's depth"


def describe(path) -> dict:
    """The checkpoint's type and sizes, read from its config without loading weights."""
    config = AutoConfig.from_pretrained(path)
    layers = config.num_hidden_layers
    if config.is_encoder_decoder:
        layers = getattr(config, "decoder_layers", None) or getattr(config, "num_decoder_layers", layers)
    return {
        "model_type": config.model_type,
        "hidden_size": config.hidden_size,
        "num_layers": layers,
        "vocab_size": config.vocab_size,
        "is_encoder_decoder": config.is_encoder_decoder,
    }
