"""Kata 30 · Pick the Auto class for each scenario

An interviewer describes seventeen situations and asks, for each one, which of
the ten Auto classes imported below you would load. Your answers go in the
table `CLASS_FOR` at the bottom of this file.

The contract the check holds you to:
- keep every key exactly as written: rename none, drop none, add none;
- each value is one of the ten classes imported below, the class object
  itself: not a string of its name, and not one architecture's own class (a
  class named after BERT or GPT-2 loads only that architecture);
- the comment on each line describes the scenario; read it for what the model
  has to produce. Several scenarios may share a class;
- while you work, a line may keep its `todo`: the check reports the right and
  wrong answers so far and the lines still open.

Run `pytest katas/30_pick_the_class.py`. Stuck? `autokata hint 30`; the whole story: `autokata explain 30`.
"""

from transformers import (  # noqa: F401  (the ten options)
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
    """A placeholder for an answer not given yet (the check reports the lines left)."""
    # TODO: replace every `todo` below with the class for that scenario.
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
