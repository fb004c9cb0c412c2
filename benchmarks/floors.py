"""The floors: what checking a family of checkpoints costs at the very least, in plain transformers.

Run as a script, this file imports torch and transformers (nothing of autokata,
no pytest), loads each checkpoint it is given with the Auto class a kata of its
family uses, and that checkpoint's tokenizer, and runs it once:

- encoders: AutoModelForSequenceClassification (two labels, as kata 05), one forward on a batch of two texts;
- decoders: AutoModelForCausalLM (as kata 02), a greedy generate of 4 new tokens;
- seq2seq:  AutoModelForSeq2SeqLM (as kata 03), a greedy generate of 4 new tokens.

It prints one line, `floor encoders: 6 checkpoints in 3.912 s` (seconds since the
script started, interpreter start-up excepted); the benchmark times the whole
process from outside, as it times `pytest`. floor_family is one family,
floor_all every family in one process.

    python benchmarks/floors.py [--set NAME=VALUE ...] --encoders PATH... [--decoders PATH...] [--seq2seq PATH...]

`command(families)` builds that command line for the benchmark: it resolves the
checkpoint paths with autokata's zoo in the calling process, so the floor
process itself never imports autokata.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SCRIPT = Path(__file__).resolve()
FAMILIES = ("encoders", "decoders", "seq2seq")
#: What the floor script prints, the seconds last: the benchmark and tests/test_benchmarks.py read it.
LINE = "floor {families}: {count} checkpoints in {seconds:.3f} s"
TEXTS = ["the movie was good", "a dull and slow film"]
PROMPT = "once upon a time"
NEW_TOKENS = 4
def checkpoints(family: str) -> list[Path]:
    """The zoo's checkpoint folders of a family (built first if needed), in the calling process."""
    from autokata import zoo

    names = {"encoders": zoo.ENCODERS, "decoders": zoo.DECODERS, "seq2seq": zoo.SEQ2SEQ}[family]
    return [zoo.path(name) for name in names]


def command(families: tuple[str, ...] | list[str]) -> list[str]:
    """The floor process for `families`, with every checkpoint path resolved here, and the
    environment the checks run in (autokata/quiet.py: local folders only, no progress bars, no
    per-load thread pool) handed over as `--set NAME=VALUE`."""
    from autokata import quiet

    arguments = [sys.executable, str(SCRIPT)]
    for name, value in quiet.ENVIRONMENT.items():
        arguments += ["--set", f"{name}={value}"]
    for family in families:
        arguments += [f"--{family}", *map(str, checkpoints(family))]
    return arguments


def run_encoder(torch, transformers, path: str) -> None:
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    model = transformers.AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    batch = tokenizer(TEXTS, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        model(**batch).logits.argmax(dim=-1)


def run_generator(torch, transformers, path: str, auto_class: str) -> None:
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    model = getattr(transformers, auto_class).from_pretrained(path)
    inputs = tokenizer(PROMPT, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=NEW_TOKENS, do_sample=False)
    tokenizer.decode(output[0], skip_special_tokens=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for family in FAMILIES:
        parser.add_argument(f"--{family}", nargs="+", default=[], metavar="PATH", help=f"{family} checkpoints")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable the checks run with")
    options = parser.parse_args()
    given = {family: getattr(options, family) for family in FAMILIES if getattr(options, family)}
    if not given:
        parser.error("give at least one family's checkpoints")

    for setting in options.set:  # before transformers is imported, as the checks do
        name, _, value = setting.partition("=")
        os.environ.setdefault(name, value)
    import torch
    import transformers

    for path in given.get("encoders", []):
        run_encoder(torch, transformers, path)
    for path in given.get("decoders", []):
        run_generator(torch, transformers, path, "AutoModelForCausalLM")
    for path in given.get("seq2seq", []):
        run_generator(torch, transformers, path, "AutoModelForSeq2SeqLM")
    seconds = time.perf_counter() - STARTED
    count = sum(map(len, given.values()))
    print(LINE.format(families="+".join(given), count=count, seconds=seconds), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
