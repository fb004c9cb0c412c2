"""Kata 30 · Pick the Auto class for each scenario

An interview classic: "which class would you load for X?" The answer follows
from the *shape of the output* the task needs, not from the model's name:

- one label (or one number, or several tags) for a whole text
  -> AutoModelForSequenceClassification. Regression (`num_labels=1`) and
  multi-label tagging (`problem_type="multi_label_classification"`) are the
  same class, configured differently;
- one label per token -> AutoModelForTokenClassification;
- a start and an end position of an answer inside a context
  -> AutoModelForQuestionAnswering;
- one score per candidate answer, each paired with the prompt
  -> AutoModelForMultipleChoice;
- new text continuing the text so far, reading only to the left
  -> AutoModelForCausalLM;
- a new text written from an input text, by an encoder-decoder
  -> AutoModelForSeq2SeqLM;
- a hidden word guessed from both sides -> AutoModelForMaskedLM;
- "does sentence B follow sentence A?" with BERT's own head
  -> AutoModelForNextSentencePrediction;
- all the heads a model was pre-trained with, at once, to pre-train it
  -> AutoModelForPreTraining;
- vectors, no task at all -> AutoModel.

Your task: fill in `CLASS_FOR`. Keep every key exactly as written; replace
each `todo` with the Auto class itself (the imported class, not a string of
its name). The comment on each line describes the scenario.

Run `pytest katas/30_pick_the_class.py`; stuck? `autokata hint 30`.
"""

from transformers import (  # noqa: F401  (you will need them)
    AutoModel,
    AutoModelForCausalLM,
    AutoModelForMaskedLM,
    AutoModelForMultipleChoice,
    AutoModelForNextSentencePrediction,
    AutoModelForPreTraining,
    AutoModelForQuestionAnswering,
    AutoModelForSeq2SeqLM,
    AutoModelForSequenceClassification,
    AutoModelForTokenClassification,
)


def todo() -> type:
    """A placeholder for an answer not given yet (the check reports the ones left)."""
    # TODO: replace every `todo` in CLASS_FOR with the Auto class you would load for that scenario.
    raise NotImplementedError


CLASS_FOR: dict[str, type] = {
    "sentiment": todo,                    # is a product review positive or negative?
    "spam": todo,                         # flag an e-mail as spam or not spam
    "named_entities": todo,               # NER: mark the people, places and organisations in a sentence
    "pos_tags": todo,                     # give every word its part of speech (noun, verb, ...)
    "extractive_qa": todo,                # copy the answer to a question out of a given paragraph (SQuAD)
    "swag_choice": todo,                  # pick the most plausible of four endings for a sentence (SWAG)
    "summarisation": todo,                # shorten a news article with BART or T5
    "translation": todo,                  # translate English to German with a MarianMT checkpoint
    "chat_completion": todo,              # write the assistant's next reply with Llama or Qwen
    "code_completion": todo,              # finish a line of code with a GPT-2-style model
    "clustering_embeddings": todo,        # one vector per document, to cluster the documents
    "fill_in_the_blank": todo,            # guess the hidden word in "Paris is the [MASK] of France."
    "next_sentence": todo,                # does sentence B really follow sentence A? (BERT's NSP head alone)
    "sentence_order_pretraining": todo,   # pre-train ALBERT on both its objectives: masked words + sentence order
    "bert_from_scratch": todo,            # train BERT from scratch on a new domain: masked words + next sentence
    "regression_score": todo,             # predict one number per text, e.g. a 1-5 star rating as a float
    "multi_label_topics": todo,           # tag an article with every topic that applies (sports, politics, ...)
}

