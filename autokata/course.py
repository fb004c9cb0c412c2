"""The course order, in one place: every kata's number, file, title, track and time.

Everything else (the plugin's collection, the progress line, the CLI) reads it
from here, so the order is never decided by sorting file names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Track:
    letter: str
    title: str


@dataclass(frozen=True)
class Kata:
    number: int
    slug: str
    title: str
    track: Track
    minutes: int

    @property
    def code(self) -> str:
        """Two digits, as learners type it: `autokata hint 05`."""
        return f"{self.number:02d}"

    @property
    def filename(self) -> str:
        return f"{self.code}_{self.slug}.py"

    @property
    def check_module(self) -> str:
        return f"autokata.checks.{self.code}_{self.slug}"


A = Track("A", "which Auto class?")
B = Track("B", "configure it")
C = Track("C", "generate()")
D = Track("D", "interview quiz")
E = Track("E", "pitfalls")
TRACKS: tuple[Track, ...] = (A, B, C, D, E)

KATAS: tuple[Kata, ...] = (
    Kata(1, "embeddings", "Sentence embeddings with AutoModel", A, 10),
    Kata(2, "causal_generation", "Continue a text with AutoModelForCausalLM", A, 8),
    Kata(3, "seq2seq_generation", "Transduce with AutoModelForSeq2SeqLM and beams", A, 8),
    Kata(4, "fill_mask", "Fill the blank with AutoModelForMaskedLM", A, 10),
    Kata(5, "sentiment", "Binary sentiment with AutoModelForSequenceClassification", A, 8),
    Kata(6, "ner", "Tag words with AutoModelForTokenClassification", A, 15),
    Kata(7, "extractive_qa", "Find the answer span with AutoModelForQuestionAnswering", A, 20),
    Kata(8, "multiple_choice", "Pick a choice with AutoModelForMultipleChoice", A, 12),
    Kata(9, "next_sentence", "Does B follow A? AutoModelForNextSentencePrediction", A, 8),
    Kata(10, "pretraining", "Pre-train from scratch with AutoModelForPreTraining", A, 20),
    Kata(11, "label_maps", "Label names that survive a reload", B, 8),
    Kata(12, "multi_label", "Several tags at once: multi-label classification", B, 12),
    Kata(13, "regression", "A score, not a class: regression with num_labels=1", B, 8),
    Kata(14, "new_head", "Swap a fine-tuned head for a new label set", B, 8),
    Kata(15, "hidden_states", "Read any layer with output_hidden_states", B, 8),
    Kata(16, "config_only", "Describe a checkpoint from its config alone", B, 10),
    Kata(17, "dtype", "Load straight into bfloat16", B, 5),
    Kata(18, "linear_probe", "Freeze the base, train the head", B, 10),
    Kata(19, "sentence_pairs", "Encode sentence pairs to a fixed length", B, 10),
    Kata(20, "save_reload", "Save model and tokenizer for serving", B, 6),
    Kata(21, "beam_search", "The k best beams", C, 10),
    Kata(22, "seeded_sampling", "Sampling you can reproduce", C, 10),
    Kata(23, "stop_token", "Stop at a token", C, 10),
    Kata(24, "batched_generation", "Generate for a batch: pad on the left", C, 12),
    Kata(25, "generation_config", "Defaults that travel with the model", C, 8),
    Kata(26, "no_repeat", "No repeated n-grams", C, 6),
    Kata(27, "token_logprobs", "Log-probabilities of generated tokens", C, 15),
    Kata(28, "chat_template", "Prompts from chat templates", C, 10),
    Kata(29, "streaming", "Stream text as it is generated", C, 10),
    Kata(30, "pick_the_class", "Pick the Auto class for each scenario", D, 10),
    Kata(31, "mlm_vs_clm", "Does a model see the future? Prove it", D, 12),
    Kata(32, "reverse_lookup", "Which Auto class does this model belong to?", D, 10),
    Kata(33, "pipeline", "Pipelines are Auto classes underneath", D, 8),
    Kata(34, "causal_classifier", "A causal LM as a classifier", E, 10),
    Kata(35, "long_inputs", "Inputs longer than the model", E, 10),
)

BY_FILENAME: dict[str, Kata] = {kata.filename: kata for kata in KATAS}
BY_NUMBER: dict[int, Kata] = {kata.number: kata for kata in KATAS}


def kata_for_file(name: str) -> Kata | None:
    """The kata a file name is an attempt at, if it is exactly one of ours."""
    return BY_FILENAME.get(name)


def find(code: str | int) -> Kata:
    """Look a kata up by number (`5`, `"05"`) or file name; raise KeyError if unknown."""
    if isinstance(code, int) or str(code).isdigit():
        return BY_NUMBER[int(code)]
    name = str(code) if str(code).endswith(".py") else f"{code}.py"
    return BY_FILENAME[name]
