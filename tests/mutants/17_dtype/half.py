"""Wrong answer: `.half()` converts to float16, not bfloat16."""

from transformers import AutoModel

MUTANT_EXPECTS = "what `.half()` or `torch.float16` gives"


def load_bf16(path):
    return AutoModel.from_pretrained(path).half()
