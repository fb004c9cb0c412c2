"""Wrong answer: reads `config.is_decoder` (GPT-2, Llama and Qwen2 never set it) instead of experimenting."""

MUTANT_EXPECTS = "`config.is_decoder` does not tell you"


def sees_the_future(model, tokenizer) -> bool:
    return not getattr(model.config, "is_decoder", False)
