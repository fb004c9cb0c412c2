"""Wrong answer: saves first and sets the defaults afterwards, so they stay in memory."""

from transformers import AutoModelForCausalLM, AutoTokenizer

MUTANT_EXPECTS = "never reached the saved folder"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    model.generation_config.max_new_tokens = max_new_tokens
    model.generation_config.num_beams = num_beams
