"""Hidden checks for kata 30: the seed's Q&A as a lookup table, scenario -> Auto class."""

from __future__ import annotations

from typing import Any

from autokata.kit import KataFailure, NotStarted, check, fail
from autokata.judge.values import Opaque
from autokata.kit.outcomes import Plain

#: The ten Auto classes the stub imports as its multiple-choice options (allowed in its imports only).
OPTIONS = (
    "AutoModel",
    "AutoModelForCausalLM",
    "AutoModelForMaskedLM",
    "AutoModelForMultipleChoice",
    "AutoModelForNextSentencePrediction",
    "AutoModelForPreTraining",
    "AutoModelForQuestionAnswering",
    "AutoModelForSeq2SeqLM",
    "AutoModelForSequenceClassification",
    "AutoModelForTokenClassification",
)
ANSWER = OPTIONS + ("num_labels", "problem_type", "multi_label_classification", "id2label")

LESSON = """
Pick the class from the shape of what must come out of the model, never from the model's name.

- One answer for a whole text: a label (sentiment, spam), one number (a 1-5 rating as a float), or
  several independent tags (multi-label topics) -> AutoModelForSequenceClassification. Regression is
  the same class loaded with num_labels=1 (mean-squared-error loss); multi-label is the same class
  with problem_type="multi_label_classification" (a sigmoid per label, binary cross-entropy).
- One label per token (NER, part-of-speech tags) -> AutoModelForTokenClassification.
- A span copied out of a given paragraph (SQuAD): start and end scores per token ->
  AutoModelForQuestionAnswering.
- One score per candidate, each candidate encoded together with the prompt (SWAG) ->
  AutoModelForMultipleChoice.
- New text from the text so far, reading only to the left (chat replies with Llama or Qwen, code
  completion with a GPT-2-style model) -> AutoModelForCausalLM.
- A new text written from an input text by an encoder-decoder (summarising with BART or T5,
  translating with MarianMT) -> AutoModelForSeq2SeqLM.
- A hidden word guessed from the words on both sides ("Paris is the [MASK] of France.") ->
  AutoModelForMaskedLM.
- BERT's next-sentence head on its own (does B follow A?) -> AutoModelForNextSentencePrediction.
- Every pre-training head at once, to pre-train: BERT from scratch (masked words + next sentence),
  ALBERT (masked words + sentence order) -> AutoModelForPreTraining.
- Vectors and no task at all (embeddings to cluster) -> AutoModel, the bare model.

Pitfalls: a one-number score is not a reason to take the bare model and add your own head, the
classification class already has a one-output head; the pre-training class is not the NSP class
(NSP alone has its own); architecture classes (BertForMaskedLM) load one architecture only. The check
looks at each key of `CLASS_FOR` and wants the class object itself.
"""

HINTS = (
    "Ask what must come out of the model: one answer per text, one per token, a span, one score per "
    "option, new text (from the left, or from an encoder-decoder), a hidden word, vectors, or every "
    "pre-training head at once.",
    "Regression and multi-label topics still want one output per *text*: the same class as sentiment, "
    "AutoModelForSequenceClassification. Summarisation and translation read one text and write another "
    "with an encoder-decoder: AutoModelForSeq2SeqLM.",
    "NER/POS -> AutoModelForTokenClassification; SQuAD -> AutoModelForQuestionAnswering; SWAG -> "
    "AutoModelForMultipleChoice; chat and code -> AutoModelForCausalLM; [MASK] -> AutoModelForMaskedLM; "
    "NSP alone -> AutoModelForNextSentencePrediction; all pre-training objectives -> "
    "AutoModelForPreTraining; clustering vectors -> AutoModel.",
)

#: What the kata's scenarios need, and the class that gives it. The keys are the kata's contract.
#: The reasons are shown to a learner who picked another class: they say what the scenario needs,
#: never which class gives it.
SCENARIOS: dict[str, tuple[str, str]] = {
    "sentiment": ("AutoModelForSequenceClassification", "sentiment is one label for the whole review"),
    "spam": ("AutoModelForSequenceClassification", "spam or not is one label for the whole e-mail"),
    "named_entities": ("AutoModelForTokenClassification", "NER gives every token its own entity label"),
    "pos_tags": ("AutoModelForTokenClassification", "part-of-speech tagging labels every word on its own"),
    "extractive_qa": ("AutoModelForQuestionAnswering",
                      "extractive QA points at where the answer starts and ends inside the paragraph"),
    "swag_choice": ("AutoModelForMultipleChoice",
                    "SWAG scores each ending paired with the sentence, then picks the best one"),
    "summarisation": ("AutoModelForSeq2SeqLM",
                      "summarising with BART or T5 reads the article with an encoder and writes a new text "
                      "with a decoder"),
    "translation": ("AutoModelForSeq2SeqLM",
                    "MarianMT translation is encoder-decoder: read the English, write the German"),
    "chat_completion": ("AutoModelForCausalLM",
                        "Llama and Qwen are decoder-only: the reply is generated token by token from the "
                        "left context"),
    "code_completion": ("AutoModelForCausalLM",
                        "completing code with a GPT-2-style model is next-token generation from the left"),
    "clustering_embeddings": ("AutoModel", "clustering needs the hidden states themselves, with no task head"),
    "fill_in_the_blank": ("AutoModelForMaskedLM",
                          "guessing a [MASK]ed word uses the words on both sides of it"),
    "next_sentence": ("AutoModelForNextSentencePrediction",
                      "the scenario wants BERT's next-sentence head alone (does B follow A?), no other head"),
    "sentence_order_pretraining": ("AutoModelForPreTraining",
                                   "pre-training ALBERT needs both its heads at once: masked words and "
                                   "sentence order"),
    "bert_from_scratch": ("AutoModelForPreTraining",
                          "training BERT from scratch needs its two pre-training heads together: masked "
                          "words and next sentence"),
    "regression_score": ("AutoModelForSequenceClassification",
                         "a score per text needs a head over the whole text with a single output, and "
                         "such a head comes ready-made (no bare model plus a head of your own)"),
    "multi_label_topics": ("AutoModelForSequenceClassification",
                           "several topics per text is still one output vector for the whole text, each "
                           "topic read on its own through a sigmoid"),
}

#: What each Auto class of the seed gives you, to say why a wrong pick does not fit.
GIVES: dict[str, str] = {
    "AutoModel": "hidden states only, no task head",
    "AutoModelForCausalLM": "next-token scores from the left context only",
    "AutoModelForSeq2SeqLM": "an encoder-decoder that writes a new text from an input text",
    "AutoModelForMaskedLM": "scores for masked tokens, read from both sides",
    "AutoModelForSequenceClassification": "one set of scores for the whole text",
    "AutoModelForTokenClassification": "one label per token",
    "AutoModelForQuestionAnswering": "start and end scores of a span inside a context",
    "AutoModelForMultipleChoice": "one score per candidate, each paired with the prompt",
    "AutoModelForNextSentencePrediction": "only the next-sentence head (does B follow A?)",
    "AutoModelForPreTraining": "every pre-training head of the model at once",
}

NOT_A_DICT_LESSON = "`CLASS_FOR` should be a dict from the kata's scenario keys to Auto classes."
KEYS_LESSON = (
    "`CLASS_FOR` must keep exactly the scenario keys the kata lists (they are how the check finds your "
    "answers): do not rename, drop or add keys."
)
UNFILLED_LESSON = "Every answer you gave is right so far; the scenarios below still hold `todo`."
STRING_LESSON = (
    "Give the class objects themselves (imported from transformers, as the stub does), not their "
    "names as strings: the table is meant to be used as `CLASS_FOR[task].from_pretrained(path)`."
)
ARCHITECTURE_LESSON = (
    "These are one architecture's own classes, so they cannot load every checkpoint. The interview "
    "question asks for the Auto class, which picks the architecture from the checkpoint's config."
)
NOT_SEED_LESSON = (
    "These values are not among the ten model Auto classes this kata is about (AutoModel and the nine "
    "AutoModelFor... of the Q&A guide)."
)
WRONG_LESSON = (
    "Some scenarios have the wrong Auto class. The right one follows from what must come out of the "
    "model; each line says what your class gives and what the scenario needs (which class gives it is "
    "for you to find: `autokata hint 30`):"
)


def _seed_classes() -> dict[type, str]:
    import transformers

    return {getattr(transformers, name): name for name in GIVES}


def _unfilled(value: Any) -> bool:
    """The stub's `todo` placeholder (a function, not a class), `...` or None.

    From a learner process a function cannot cross as data: it arrives as an `Opaque` stand-in
    naming its type, with its repr (`<function todo at 0x...>`)."""
    if isinstance(value, Opaque):
        return value.type_name == "ellipsis" or (
            value.type_name == "function" and value.text.startswith("<function todo ")
        )
    placeholder = callable(value) and not isinstance(value, type) and getattr(value, "__name__", "") == "todo"
    return placeholder or value is ... or value is None


def _table(attempt: Any) -> dict[str, Any]:
    """The learner's table: a dict with the kata's keys whose filled-in values are seed Auto classes."""
    from transformers import PreTrainedModel

    table = attempt.value("CLASS_FOR")
    if not isinstance(table, dict):
        fail(NOT_A_DICT_LESSON, got=f"{type(table).__name__}: {table!r}"[:200])
    if table and all(_unfilled(value) for value in table.values()):
        raise NotStarted("`CLASS_FOR` still holds the `todo` placeholder for every scenario")
    missing = [key for key in SCENARIOS if key not in table]
    unknown = [key for key in table if key not in SCENARIOS]
    if missing or unknown:
        fail(KEYS_LESSON, missing_keys=missing, keys_the_kata_does_not_have=unknown)
    filled = {key: value for key, value in table.items() if not _unfilled(value)}
    strings = {key: value for key, value in filled.items() if isinstance(value, str)}
    if strings:
        fail(STRING_LESSON, got=strings)
    seed = _seed_classes()
    foreign = {key: value for key, value in filled.items() if not (isinstance(value, type) and value in seed)}
    if foreign:
        shown = {key: getattr(value, "__name__", repr(value)) for key, value in foreign.items()}
        if all(isinstance(value, type) and issubclass(value, PreTrainedModel) for value in foreign.values()):
            fail(ARCHITECTURE_LESSON, got=shown)
        fail(NOT_SEED_LESSON, got=shown)
    return table


@check("CLASS_FOR keeps the kata's scenario keys, each given an Auto class")
def the_table_holds_auto_classes(attempt):
    _table(attempt)


@check("every scenario gets the Auto class whose output it needs")
def every_scenario_gets_its_class(attempt):
    table = _table(attempt)
    seed = _seed_classes()
    wrong: dict[str, Any] = {}
    for key, (wanted, needs) in SCENARIOS.items():
        if _unfilled(table[key]):
            continue
        got = seed[table[key]]
        if got != wanted:
            wrong[repr(key)] = Plain(f"{got} gives {GIVES[got]}, but {needs}")
    unfilled = [key for key, value in table.items() if _unfilled(value)]
    if wrong:
        if unfilled:
            wrong["still todo"] = unfilled
        raise KataFailure(WRONG_LESSON, wrong)
    if unfilled:
        fail(UNFILLED_LESSON, still_todo=unfilled)
