"""Wrong answer: writes the defaults to a file of its own choosing, which from_pretrained never reads."""

from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

MUTANT_EXPECTS = "in the wrong file"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    defaults = GenerationConfig(max_new_tokens=max_new_tokens, num_beams=num_beams)
    defaults.save_pretrained(out_dir, config_file_name="generation.json")
