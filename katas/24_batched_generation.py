"""Kata 24 · Continue many prompts at once

Generating for one prompt at a time leaves most of the hardware idle: a batch
of prompts goes through the model together, one step for all of them. Prompts
of different lengths must then be brought to one length with filler, and the
filler must change nobody's continuation.

Your task: `continue_batch` (signature below) continues every prompt in
`prompts` greedily with exactly `n_tokens` new tokens, and returns one text per
prompt, in the order of `prompts`.

The contract the checks hold you to:
- All prompts go through one generate() call, as one batch with a row per
  prompt. A call per prompt fails, even when its texts are right.
- Each text is exactly what that prompt gives when generated on its own. The
  prompts differ in length; the short ones must come out as if no longer
  prompt had been in the batch.
- Each text is only the continuation: new tokens, without the prompt and
  without special tokens, decoded to a string. No sampling.
- The model and tokenizer you get are yours to change. The tokenizer comes as
  it was saved, and the zoo's decoder tokenizers (GPT-2, Llama, Qwen2, Mistral) differ
  in how ready they are to batch: some cannot fill at all, some fill on the
  side that hurts a decoder. It must work on all of them.

Run `pytest katas/24_batched_generation.py`. Stuck? `autokata hint 24`; the whole story: `autokata explain 24`.
"""

import torch  # noqa: F401  (you may want torch.no_grad())


def continue_batch(model, tokenizer, prompts: list[str], n_tokens: int) -> list[str]:
    """Greedy continuations of several prompts, each equal to its continuation alone."""
    # TODO: batch the prompts so each continues as if alone.
    raise NotImplementedError
