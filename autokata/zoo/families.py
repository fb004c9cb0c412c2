"""What the zoo holds: checkpoint names by family, the way checks ask for them.

A check that runs "across architectures" runs once per name of its family, so
adding an architecture here puts it into every check of that family.
"""

from __future__ import annotations

ENCODERS: tuple[str, ...] = ("bert", "roberta", "distilbert", "electra", "albert", "deberta-v2")
DECODERS: tuple[str, ...] = ("gpt2", "llama", "qwen2", "mistral")
SEQ2SEQ: tuple[str, ...] = ("t5", "bart", "mbart", "marian", "pegasus")
#: BERT-family checkpoints saved with their next-sentence head.
NSP: tuple[str, ...] = ("bert", "bert-deep")
#: Decoders whose tokenizer carries a chat template (each a different one).
CHAT: tuple[str, ...] = DECODERS
#: Encoders saved as classifiers fine-tuned with three labels (heads included,
#: calibrated so that corpus texts spread over all three labels).
THREE_LABELS: tuple[str, ...] = tuple(f"{name}-3labels" for name in ENCODERS)
THREE_LABEL_NAMES: tuple[str, ...] = ("negative", "neutral", "positive")
#: Folders holding nothing but a `config.json`, one per architecture.
CONFIG_ONLY: tuple[str, ...] = tuple(f"config-only/{name}" for name in ENCODERS + DECODERS + SEQ2SEQ)
#: A BERT configured as a decoder: its name says encoder, its attention is causal.
CAUSAL_BERT = "bert-decoder"
