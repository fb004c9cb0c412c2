"""Hidden checks for kata 33: a text-classification pipeline equals its Auto class by hand."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, forward_passes, pipelines, returns
from autokata.kit import strategies as s

ANSWER = (
    "text-classification",
    "sentiment-analysis",
    "TextClassificationPipeline",
    "AutoModelForSequenceClassification",
    "function_to_apply",
    "top_k",
)

LESSON = """
A pipeline is an Auto class plus the code around it. The task name picks the class: "text-classification"
(alias "sentiment-analysis") loads AutoModelForSequenceClassification and builds a
TextClassificationPipeline; "token-classification" (alias "ner") sits on AutoModelForTokenClassification;
"fill-mask" on AutoModelForMaskedLM; "text-generation" on AutoModelForCausalLM; "feature-extraction" on
AutoModel. transformers 5 removed the "question-answering", "summarization", "translation" and
"text2text-generation" pipelines: for those you use the Auto classes directly.

So classify is one line: pipeline("text-classification", model=path)(texts). Given a folder, the
pipeline loads both the model and the tokenizer from it. It returns one {"label", "score"} per text: the
label name from the config's id2label for the highest logit, and its softmax probability, because a
single-label classifier's scores are read with a softmax. top_k=None would return every label per text
(a list per text), and function_to_apply="none" or "sigmoid" would change the scores (raw logits, or
the multi-label reading); leave both out.

Pitfalls: another task name builds another pipeline on another class (token classification labels every
token, not the text); a model object handed to pipeline() carries no tokenizer, so pass tokenizer= as
well or, simpler, give the path. The check spies on every pipeline built, and compares your labels and
scores with AutoModelForSequenceClassification run by hand on the same folder (softmax, best label).
"""

HINTS = (
    "The task name decides which Auto class the pipeline loads. You want the task that classifies a "
    "whole text, the one that sits on the class you would use for sentiment.",
    "That class is AutoModelForSequenceClassification; its pipeline task is \"text-classification\". Give "
    "it the folder path, so it loads model and tokenizer together.",
    "`return pipeline(\"text-classification\", model=path)(texts)`: no `top_k`, no `function_to_apply`.",
)

WRONG_TASK_LESSON = (
    "The task \"{task}\" builds a {pipeline} on {auto_class}, not a classifier of whole texts: the "
    "task name decides which Auto class the pipeline loads, and this one gives the wrong kind of output "
    "for one label per text."
)
TOKENIZER_LESSON = (
    "The pipeline had a model but no tokenizer: a model object does not carry one, so `pipeline` cannot "
    "turn text into ids. Give it the folder path (it loads both), or pass `tokenizer=` as well."
)
NO_PIPELINE_LESSON = (
    "`classify` never built a pipeline. The kata is about what `pipeline(...)` does for you: build one "
    "with the right task from `path`."
)
SHAPE_LESSON = (
    "`classify` should return one dict per text, each `{{\"label\": str, \"score\": float}}` for the best "
    "label only. {detail}"
)
RAW_SCORE_LESSON = (
    "Your scores are raw logits, not probabilities: the pipeline applies a softmax to a single-label "
    "classifier unless `function_to_apply` tells it otherwise. Leave that option out."
)
SIGMOID_LESSON = (
    "Your scores are sigmoids of the logits, the multi-label reading. This classifier is single-label: "
    "the pipeline's default softmax is right, so leave `function_to_apply` out."
)
VALUE_LESSON = (
    "Your label or score differs from AutoModelForSequenceClassification run by hand on the same folder "
    "(softmax over the logits, best label from `id2label`)."
)


def _by_hand(name: str, texts: list[str]) -> list[dict[str, Any]]:
    """What the pipeline must give: the saved classifier, softmax, best label, text by text."""
    import torch

    model = checkpoints.reference("AutoModelForSequenceClassification", name)
    batch = checkpoints.tokenizer(name)(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    best = logits.argmax(-1)
    return [
        {
            "label": model.config.id2label[int(index)],
            "score": float(row.softmax(-1)[index]),
            "raw": float(row[index]),
            "sigmoid": float(row[index].sigmoid()),
        }
        for row, index in zip(logits, best)
    ]


def _pipeline_problem(built: list[str], outcome: forward_passes.Run, **shown: Any) -> None:
    """A wrong task, a missing tokenizer, or no pipeline at all, each with its lesson.

    `built`: the class of every pipeline the learner's code built, as `module.ClassName`."""
    from transformers.pipelines import TextClassificationPipeline

    if outcome.crash is not None:
        shown["your_code_raised"] = outcome.crash_line
    wanted = pipelines.implementation(TextClassificationPipeline)
    for pipe in built:
        if pipe != wanted:
            task, auto_class = pipelines.pipeline_task(pipe)
            fail(WRONG_TASK_LESSON.format(task=task, pipeline=pipe.rsplit(".", 1)[-1], auto_class=auto_class),
                 **shown)
    if outcome.crash is not None and "tokenizer" in outcome.crash_line.lower():
        fail(TOKENIZER_LESSON, **shown)
    outcome.result()
    if not built:
        fail(NO_PIPELINE_LESSON, **shown)


def _expect_results(value: Any, count: int, **shown: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        fail(SHAPE_LESSON.format(detail=""), **shown, got=f"{type(value).__name__}: {value!r}"[:200])
    if value and all(isinstance(item, list) for item in value):
        fail(SHAPE_LESSON.format(detail="A list per text is what `top_k=...` asks for."), **shown, got=value)
    well_formed = all(
        isinstance(item, dict) and isinstance(item.get("label"), str) and returns.is_number(item.get("score"))
        for item in value
    )
    if not well_formed or len(value) != count:
        fail(SHAPE_LESSON.format(detail=""), **shown, texts_given=count, got=value)
    return value


@check("classify runs a text-classification pipeline: labels and softmax scores equal the model by hand",
       family=zoo.THREE_LABELS)
def pipeline_equals_the_auto_class(attempt, name):
    @given(texts=s.uneven_batches())
    def prop(texts):
        shown = dict(on=name, texts=texts)
        with pipelines.PipelinesBuilt() as spy:
            outcome = forward_passes.run(attempt.classify, checkpoints.checkpoint(name), list(texts))
        _pipeline_problem(spy.classes(), outcome, **shown)
        got = _expect_results(outcome.value, len(texts), **shown)
        for text, mine, want in zip(texts, got, _by_hand(name, list(texts))):
            if mine["label"] == want["label"] and abs(mine["score"] - want["score"]) < 1e-4:
                continue
            expected = {"label": want["label"], "score": round(want["score"], 6)}
            wrong = dict(on=name, text=text, expected=expected, got=mine)
            if abs(mine["score"] - want["raw"]) < 1e-4:
                fail(RAW_SCORE_LESSON, **wrong)
            if abs(mine["score"] - want["sigmoid"]) < 1e-4:
                fail(SIGMOID_LESSON, **wrong)
            fail(VALUE_LESSON, **wrong)

    prop()
