"""Hidden checks for kata 30: the seed's Q&A as a lookup table, scenario -> Auto class."""

from __future__ import annotations

from typing import Any

from autokata.kit import KataFailure, NotStarted, check, fail
from autokata.kit.outcomes import Plain

HINTS = (
    "Ask what must come out of the model: one label per text, one per token, a span, one score per "
    "option, new text, a hidden word, vectors, or every pre-training head at once.",
    "Regression and multi-label topics still want one output per *text*: same class as sentiment. "
    "Summarisation and translation read one text and write another: encoder-decoder.",
    "NSP alone has its own class; pre-training with all objectives together (BERT's MLM + NSP, ALBERT's "
    "MLM + sentence order) is AutoModelForPreTraining; chat and code completion are causal LMs.",
)

#: What the kata's scenarios need, and the class that gives it. The keys are the kata's contract.
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
                      "BERT's NSP head alone answers whether sentence B follows sentence A"),
    "sentence_order_pretraining": ("AutoModelForPreTraining",
                                   "pre-training ALBERT needs both its heads at once: masked words and "
                                   "sentence order"),
    "bert_from_scratch": ("AutoModelForPreTraining",
                          "training BERT from scratch needs its two pre-training heads together: masked "
                          "words and next sentence"),
    "regression_score": ("AutoModelForSequenceClassification",
                         "a score per text is a sequence classifier with one output (`num_labels=1`, MSE loss)"),
    "multi_label_topics": ("AutoModelForSequenceClassification",
                           "several topics per text is still one output vector per text, read with a "
                           "sigmoid (`problem_type=\"multi_label_classification\"`)"),
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
    "Give the class objects themselves (`AutoModelForCausalLM`, imported from transformers), not their "
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
    "model; each line says what your class gives and what the scenario needs:"
)


def _seed_classes() -> dict[type, str]:
    import transformers

    return {getattr(transformers, name): name for name in GIVES}


def _unfilled(value: Any) -> bool:
    """The stub's `todo` placeholder (a function, not a class), `...` or None."""
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
            wrong[repr(key)] = Plain(f"{got} gives {GIVES[got]}, but {needs} -> {wanted}")
    unfilled = [key for key, value in table.items() if _unfilled(value)]
    if wrong:
        if unfilled:
            wrong["still todo"] = unfilled
        raise KataFailure(WRONG_LESSON, wrong)
    if unfilled:
        fail(UNFILLED_LESSON, still_todo=unfilled)
