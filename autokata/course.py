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
    Kata(1, "embeddings", "Turn sentences into vectors you can compare", A, 10),
    Kata(2, "causal_generation", "Continue a text, one likely word at a time", A, 8),
    Kata(3, "seq2seq_generation", "Rewrite a text, weighing several candidates", A, 8),
    Kata(4, "fill_mask", "Fill in the blank", A, 10),
    Kata(5, "sentiment", "Sort reviews into negative and positive", A, 8),
    Kata(6, "ner", "Tag every word of a sentence", A, 15),
    Kata(7, "extractive_qa", "Find the answer inside a passage", A, 20),
    Kata(8, "multiple_choice", "Pick the best of several endings", A, 12),
    Kata(9, "next_sentence", "Does the second sentence follow the first?", A, 8),
    Kata(10, "pretraining", "Pre-train a model from nothing", A, 20),
    Kata(11, "label_maps", "Label names that survive a reload", B, 8),
    Kata(12, "multi_label", "Several tags for one text", B, 12),
    Kata(13, "regression", "A score, not a class", B, 8),
    Kata(14, "new_head", "Swap a fine-tuned head for a new label set", B, 8),
    Kata(15, "hidden_states", "Read the vectors of any layer", B, 8),
    Kata(16, "config_only", "Describe a checkpoint without its weights", B, 10),
    Kata(17, "dtype", "Load straight into bfloat16", B, 5),
    Kata(18, "linear_probe", "Freeze the base, train the head", B, 10),
    Kata(19, "sentence_pairs", "Encode sentence pairs to a fixed length", B, 10),
    Kata(20, "save_reload", "Save model and tokenizer for serving", B, 6),
    Kata(21, "beam_search", "The k best continuations", C, 10),
    Kata(22, "seeded_sampling", "Sampling you can reproduce", C, 10),
    Kata(23, "stop_token", "Stop at a token", C, 10),
    Kata(24, "batched_generation", "Continue many prompts at once", C, 12),
    Kata(25, "generation_config", "Defaults that travel with the model", C, 8),
    Kata(26, "no_repeat", "Continue without repeating a phrase", C, 6),
    Kata(27, "token_logprobs", "How sure was the model of each token?", C, 15),
    Kata(28, "chat_template", "Talk to a chat model in its own format", C, 10),
    Kata(29, "streaming", "Show the text while it is written", C, 10),
    Kata(30, "pick_the_class", "Pick the Auto class for each scenario", D, 10),
    Kata(31, "mlm_vs_clm", "Does a model see the future? Prove it", D, 12),
    Kata(32, "reverse_lookup", "Which Auto class does this model belong to?", D, 10),
    Kata(33, "pipeline", "Pipelines are Auto classes underneath", D, 8),
    Kata(34, "causal_classifier", "Classify a batch with a decoder", E, 10),
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
