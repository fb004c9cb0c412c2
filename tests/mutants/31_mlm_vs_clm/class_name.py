"""Wrong answer: decides from the class name (BertLMHeadModel can go either way)."""

MUTANT_EXPECTS = "The class name cannot decide this"


def sees_the_future(model, tokenizer) -> bool:
    name = type(model).__name__
    return "CausalLM" not in name and "LMHead" not in name
