"""Wrong answer: puts the decoding defaults into model.config (config.json)."""

from transformers import AutoModelForCausalLM, AutoTokenizer

MUTANT_EXPECTS = "into `model.config`"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.config.max_new_tokens = max_new_tokens
    model.config.num_beams = num_beams
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
