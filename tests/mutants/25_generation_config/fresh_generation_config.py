"""Wrong answer: writes the two defaults as a brand-new GenerationConfig, which drops what the
checkpoint had (its start, end and pad token ids)."""

from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

MUTANT_EXPECTS = "replaced the checkpoint's own"


def set_defaults(path, out_dir, max_new_tokens, num_beams):
    model = AutoModelForCausalLM.from_pretrained(path)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model.generation_config = GenerationConfig(max_new_tokens=max_new_tokens, num_beams=num_beams)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
