"""Wrong answer: the best start and the best end, each chosen on its own."""

import torch
from transformers import AutoModelForQuestionAnswering

MUTANT_EXPECTS = "best start and the best end separately"


def load_reader(path):
    """Load the checkpoint with an extractive question-answering head."""
    return AutoModelForQuestionAnswering.from_pretrained(path)


def answer(model, tokenizer, question: str, context: str, max_answer_tokens: int = 15) -> str:
    """The best span of `context` (start <= end, at most `max_answer_tokens` tokens), as a substring."""
    encoding = tokenizer(question, context, return_offsets_mapping=True, return_tensors="pt")
    offsets = encoding.pop("offset_mapping")[0].tolist()
    with torch.no_grad():
        output = model(**encoding)
    start_logits, end_logits = output.start_logits[0].tolist(), output.end_logits[0].tolist()
    in_context = [i for i, sequence in enumerate(encoding.sequence_ids()) if sequence == 1]
    start = max(in_context, key=lambda i: start_logits[i])
    end = max(in_context, key=lambda i: end_logits[i])
    return context[offsets[start][0] : offsets[end][1]]
