"""Wrong answer: the search demands start < end, so a one-token answer is never found."""

import torch
from transformers import AutoModelForQuestionAnswering

MUTANT_EXPECTS = "start and end on the same token"


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
    best_score, best_span = float("-inf"), (in_context[0], in_context[0])
    for start in in_context:
        for end in in_context:
            if start < end < start + max_answer_tokens:
                score = start_logits[start] + end_logits[end]
                if score > best_score:
                    best_score, best_span = score, (start, end)
    start, end = best_span
    return context[offsets[start][0] : offsets[end][1]]
