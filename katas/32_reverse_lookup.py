"""Kata 32 · Which Auto class does this model belong to?

Someone hands you a model object (some architecture, some head, loaded from a
checkpoint or freshly built) and asks which of the ten Auto classes imported
below it belongs to: the one that, given this model's config, builds a model
of exactly this model's class.

Your task: `auto_class_of(model)` returns that Auto class, the class object
itself (not its name as a string, not the model's own class).

The contract the check holds you to:
- several of the ten may build the very same class; then return the most
  specific one, in this order:
    1. generation by an encoder-decoder (sequence to sequence),
    2. left-to-right generation (causal language modelling),
    3. filling in masked words,
    4. the other task heads: a label per text, a label per token, an answer
       span, multiple choice, next-sentence prediction,
    5. the pre-training class, a catch-all for the heads a model was
       pre-trained with,
    6. the bare model, only when none of the above builds it;
- it must hold for every family and every head: the check hands you models
  of all the zoo's encoders, decoders and encoder-decoders, built through
  each of the ten that accepts them, and tiny models of further
  architectures, built from configs, that the zoo does not have;
- class names are no guide: endings follow no rule that holds across
  families;
- the model may carry another head than the one its checkpoint was saved
  with, and its config still records the saved one.

Run `pytest katas/32_reverse_lookup.py`. Stuck? `autokata hint 32`; the whole story: `autokata explain 32`.
"""

from transformers import (  # noqa: F401  (the ten possible answers)
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


def auto_class_of(model) -> type:
    """The most specific of the ten Auto classes that builds exactly this model's class."""
    # TODO: find the Auto class that builds this very class.
    raise NotImplementedError
