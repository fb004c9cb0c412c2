"""Wrong answer: the default load, which keeps float32."""

from transformers import AutoModel

MUTANT_EXPECTS = "still float32"


def load_bf16(path):
    return AutoModel.from_pretrained(path)
