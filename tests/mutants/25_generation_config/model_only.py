"""Wrong answer: saves the model with its defaults but leaves the tokenizer behind."""

from transformers import AutoModelForCausalLM

MUTANT_EXPECTS = "no usable tokenizer"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    model.generation_config.max_new_tokens = max_new_tokens
    model.generation_config.num_beams = num_beams
    model.save_pretrained(out_dir)
