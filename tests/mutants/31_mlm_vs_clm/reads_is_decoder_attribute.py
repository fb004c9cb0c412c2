"""Wrong answer: reads `model.config.is_decoder` directly (most configs have no such field)."""

MUTANT_EXPECTS = "crashed before it ran the model"


def sees_the_future(model, tokenizer) -> bool:
    return not model.config.is_decoder
