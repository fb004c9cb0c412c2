"""Wrong answer: saves the two defaults, and switches sampling on in the same defaults."""

from transformers import AutoModelForCausalLM, AutoTokenizer

MUTANT_EXPECTS = "change more than the two values"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.generation_config.max_new_tokens = max_new_tokens
    model.generation_config.num_beams = num_beams
    model.generation_config.do_sample = True
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
