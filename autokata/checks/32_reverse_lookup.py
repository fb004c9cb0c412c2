"""Hidden checks for kata 32: from a model object back to its Auto class, through the Auto tables."""

from __future__ import annotations

import functools
from typing import Any

from autokata import zoo
from autokata.kit import check, fail
from autokata.kit import checkpoints, forward_passes
from autokata.kit.outcomes import Plain

#: The ten Auto classes: the stub imports them as the possible answers (allowed in its imports only).
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
ANSWER = OPTIONS + (
    "modeling_auto",
    "_model_mapping",
    "model_type",
    "MODEL_MAPPING_NAMES",
    "MODEL_FOR_CAUSAL_LM_MAPPING_NAMES",
    "MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES",
    "MODEL_FOR_MASKED_LM_MAPPING_NAMES",
    "MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES",
    "MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES",
    "MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES",
    "MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES",
    "MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES",
    "MODEL_FOR_PRETRAINING_MAPPING_NAMES",
)

LESSON = """
Each Auto class is a lookup table from a config's model_type to one model class. The tables live in
transformers.models.auto.modeling_auto, one per Auto class: MODEL_MAPPING_NAMES (AutoModel),
MODEL_FOR_CAUSAL_LM_MAPPING_NAMES (AutoModelForCausalLM), MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES
(AutoModelForSeq2SeqLM), MODEL_FOR_MASKED_LM_MAPPING_NAMES (AutoModelForMaskedLM),
MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES, MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES,
MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES, MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES,
MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES and MODEL_FOR_PRETRAINING_MAPPING_NAMES. Each maps
"gpt2" to a class name ("GPT2LMHeadModel" under AutoModelForCausalLM). Going backwards: take
model.config.model_type and type(model).__name__, and walk the tables from the most specific one
(Seq2SeqLM, CausalLM, MaskedLM, the task heads, PreTraining, AutoModel last); the first whose entry
for that model_type is this class name (an entry may be a tuple of names) is the answer. The same
lookup through the Auto class itself: AutoModelForCausalLM._model_mapping[type(model.config)] is the
class it builds.

Why not read the name? Endings follow no rule: GPT2LMHeadModel, XLNetLMHeadModel and BertLMHeadModel
are causal LMs; MarianMTModel and EncoderDecoderModel are seq2seq; XLMWithLMHeadModel is a causal LM
while FlaubertWithLMHeadModel, with the same ending, is a masked LM; Gemma3ForConditionalGeneration
is a causal LM and LlavaForConditionalGeneration sits only in the pre-training table;
BertGenerationDecoder is causal. Rules tuned to the names you know break on the next family: of the
well over a thousand classes in the ten tables, dozens defeat any set of suffix rules.

Why not config.architectures? It records the class the checkpoint was saved from, not the class of
the model in front of you (a BERT saved with its pre-training heads, loaded as a classifier).

Ties: BartForConditionalGeneration is listed for Seq2SeqLM, MaskedLM and PreTraining (it is built to
generate: Seq2SeqLM); XLMWithLMHeadModel for CausalLM, MaskedLM and PreTraining (CausalLM);
AutoModelForPreTraining lists whatever heads a model was pre-trained with (GPT2LMHeadModel,
RobertaForMaskedLM, T5ForConditionalGeneration), so it comes after every task table. The check builds
every zoo checkpoint through each Auto class that accepts it, plus tiny models of more architectures
(XLM, FlauBERT, XLNet, BertGeneration, EncoderDecoder, Gemma3, Llava, Mistral4) from configs, and
compares with the tables.
"""

HINTS = (
    "Don't guess from the class name: transformers itself records, for every model type, which class "
    "each Auto class builds. Read that record backwards, most specific class first.",
    "`transformers.models.auto.modeling_auto` has one dict per Auto class (MODEL_FOR_CAUSAL_LM_MAPPING_NAMES, "
    "...): model_type -> class name. Look up `model.config.model_type` in each.",
    "For each (auto_class, table) in the kata's order, `listed = table.get(model.config.model_type, ())`; "
    "if `type(model).__name__` is `listed` (or in it, when it is a tuple), return `auto_class`.",
)

#: The ten Auto classes of the seed and their tables, most specific first (the kata states this order).
TABLES: tuple[tuple[str, str], ...] = (
    ("AutoModelForSeq2SeqLM", "MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES"),
    ("AutoModelForCausalLM", "MODEL_FOR_CAUSAL_LM_MAPPING_NAMES"),
    ("AutoModelForMaskedLM", "MODEL_FOR_MASKED_LM_MAPPING_NAMES"),
    ("AutoModelForSequenceClassification", "MODEL_FOR_SEQUENCE_CLASSIFICATION_MAPPING_NAMES"),
    ("AutoModelForTokenClassification", "MODEL_FOR_TOKEN_CLASSIFICATION_MAPPING_NAMES"),
    ("AutoModelForQuestionAnswering", "MODEL_FOR_QUESTION_ANSWERING_MAPPING_NAMES"),
    ("AutoModelForMultipleChoice", "MODEL_FOR_MULTIPLE_CHOICE_MAPPING_NAMES"),
    ("AutoModelForNextSentencePrediction", "MODEL_FOR_NEXT_SENTENCE_PREDICTION_MAPPING_NAMES"),
    ("AutoModelForPreTraining", "MODEL_FOR_PRETRAINING_MAPPING_NAMES"),
    ("AutoModel", "MODEL_MAPPING_NAMES"),
)

TYPE_LESSON = (
    "`auto_class_of` should return one of the ten Auto classes itself (e.g. `AutoModelForCausalLM`, "
    "imported from transformers): not a string, not the model's own class."
)
NAME_LESSON = (
    "`{got}` does not build `{model_class}` at all: for `{model_type}` it builds another class. "
    "Class names mislead (GPT2LMHeadModel is a causal LM, MarianMTModel is seq2seq): which Auto class "
    "builds which class is recorded by transformers itself, per model type, not by the name."
)
BEYOND_ZOO_LESSON = (
    "`{got}` does not build `{model_class}` at all: for `{model_type}` it builds another class. Your "
    "answer fits the zoo's classes, but this tiny `{model_type}` model, built from a config, shows "
    "that rules read off familiar class names do not carry over to other families: the same ending "
    "means different Auto classes in different families. Which Auto class builds which class is "
    "recorded by transformers itself, per model type."
)
ARCHITECTURES_LESSON = (
    "`config.architectures` records the class the checkpoint was saved from ({saved}), not the class of "
    "the model you were given ({model_class}): look up `type(model).__name__` instead."
)
CATCH_ALL_LESSON = (
    "AutoModelForPreTraining does list `{model_class}`, but it is a catch-all for the heads a model was "
    "pre-trained with; a task table lists it too, and the kata asks for the most specific table."
)
SEQ2SEQ_LESSON = (
    "`{model_class}` is in the masked-LM table too, but it is an encoder-decoder built to generate: the "
    "kata ranks AutoModelForSeq2SeqLM above AutoModelForMaskedLM."
)
ORDER_LESSON = (
    "`{got}` lists `{model_class}`, but a more specific table lists it too; the kata's order is "
    "Seq2SeqLM, CausalLM, MaskedLM, the task heads, PreTraining, then AutoModel."
)

_FAMILY = zoo.ENCODERS + zoo.DECODERS + zoo.SEQ2SEQ


def registered_under(class_name: str, model_type: str) -> list[str]:
    """The Auto classes (most specific first) whose table maps `model_type` to `class_name`."""
    from transformers.models.auto import modeling_auto

    found = []
    for auto_name, table_name in TABLES:
        listed = getattr(modeling_auto, table_name).get(model_type, ())
        if class_name in ((listed,) if isinstance(listed, str) else listed):
            found.append(auto_name)
    return found


@functools.cache
def _models(name: str) -> tuple[Any, ...]:
    """A model for every one of the ten Auto classes that accepts the checkpoint's config.

    Built from the config (the answer depends on the class alone); the config
    keeps the checkpoint's `architectures`, as a loaded model's does. Built once
    per process (watch's warm-up builds them for every later check): learner code
    gets a model of its own rebuilt from each, never these.
    """
    import transformers
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(checkpoints.checkpoint(name))
    return tuple(
        getattr(transformers, auto_name).from_config(config)
        for auto_name, _ in TABLES
        if type(config) in getattr(transformers, auto_name)._model_mapping
    )


def _seed_name(value: Any, **shown: Any) -> str:
    import transformers

    for auto_name, _ in TABLES:
        if value is getattr(transformers, auto_name):
            return auto_name
    fail(TYPE_LESSON, **shown, got=f"{type(value).__name__}: {getattr(value, '__name__', value)!r}"[:200])


CRASH_LESSON = (
    "Your function raised on a `{model_class}` ({model_type}) model instead of naming its Auto class. "
    "Every model the ten Auto classes build has an answer; a rule that knows only some names or some "
    "model types cannot give it."
)


def _lesson(got: str, model: Any, listed: list[str], beyond_zoo: bool = False) -> str:
    names = dict(got=got, model_class=type(model).__name__, model_type=model.config.model_type)
    saved = (getattr(model.config, "architectures", None) or [None])[0]
    if saved and saved != names["model_class"] and got in registered_under(saved, names["model_type"])[:1]:
        return ARCHITECTURES_LESSON.format(saved=saved, **names)
    if got not in listed:
        return (BEYOND_ZOO_LESSON if beyond_zoo else NAME_LESSON).format(**names)
    if got == "AutoModelForPreTraining":
        return CATCH_ALL_LESSON.format(**names)
    if got == "AutoModelForMaskedLM" and listed[0] == "AutoModelForSeq2SeqLM":
        return SEQ2SEQ_LESSON.format(**names)
    return ORDER_LESSON.format(**names)


def _judge(attempt: Any, model: Any, beyond_zoo: bool = False, **shown: Any) -> None:
    names = dict(model_class=type(model).__name__, model_type=model.config.model_type)
    shown.update(model_class=names["model_class"])
    outcome = forward_passes.run(attempt.auto_class_of, model)
    if outcome.crash is not None:
        fail(CRASH_LESSON.format(**names), **shown, your_code_raised=outcome.crash_line)
    got = _seed_name(outcome.value, **shown)
    listed = registered_under(names["model_class"], names["model_type"])
    if got != listed[0]:
        fail(_lesson(got, model, listed, beyond_zoo), **shown, expected=listed[0], got=got,
             tables_listing_it=listed)


@check("auto_class_of finds the most specific Auto class for every head of every family", family=_FAMILY)
def finds_the_auto_class(attempt, name):
    for model in _models(name):
        _judge(attempt, model, on=name)


def _bert(**extra: Any) -> Any:
    from transformers import BertConfig

    return BertConfig(vocab_size=99, hidden_size=32, num_hidden_layers=1, num_attention_heads=4,
                      intermediate_size=37, max_position_embeddings=64, **extra)


def _tiny_config(model_type: str) -> Any:
    """A tiny config of a type the zoo lacks, chosen where class names mislead."""
    from transformers import AutoConfig, EncoderDecoderConfig

    text = dict(vocab_size=99, hidden_size=32, intermediate_size=37, num_hidden_layers=1,
                num_attention_heads=4, max_position_embeddings=64)
    if model_type == "encoder-decoder":
        return EncoderDecoderConfig.from_encoder_decoder_configs(_bert(), _bert())
    recipes: dict[str, dict[str, Any]] = {
        # Same ending, different Auto classes: XLM's is causal, FlauBERT's is masked.
        "xlm": dict(vocab_size=99, emb_dim=32, n_layers=1, n_heads=4, max_position_embeddings=64),
        "flaubert": dict(vocab_size=99, emb_dim=32, n_layers=1, n_heads=4, max_position_embeddings=64),
        # LMHeadModel is causal; ...ForQuestionAnsweringSimple is the QA head.
        "xlnet": dict(vocab_size=99, d_model=32, n_layer=1, n_head=4, d_inner=37),
        # A "Decoder" that is the causal LM, an "Encoder" that is the bare model.
        "bert-generation": text,
        # ForConditionalGeneration that is a causal LM / only a pre-training class.
        "gemma3": dict(
            text_config=dict(text, num_key_value_heads=2, head_dim=8, sliding_window=16),
            vision_config=dict(hidden_size=32, intermediate_size=37, num_hidden_layers=1,
                               num_attention_heads=4, image_size=16, patch_size=4),
            mm_tokens_per_image=4,
        ),
        "llava": dict(
            text_config=dict(text, model_type="llama"),
            vision_config=dict(model_type="clip_vision_model", hidden_size=32, intermediate_size=37,
                               num_hidden_layers=1, num_attention_heads=4, image_size=16, patch_size=4,
                               projection_dim=32),
        ),
        # A ForCausalLM class listed only under pre-training.
        "mistral4": dict(text, moe_intermediate_size=16, num_key_value_heads=4, n_routed_experts=4,
                         num_experts_per_tok=2, kv_lora_rank=8, q_lora_rank=16, qk_rope_head_dim=4,
                         v_head_dim=8, qk_nope_head_dim=4, head_dim=8),
    }
    return AutoConfig.for_model(model_type, **recipes[model_type])


#: Types outside the zoo whose class names defeat rules read off the zoo's names.
BEYOND_ZOO = ("xlm", "flaubert", "xlnet", "bert-generation", "encoder-decoder", "gemma3", "llava", "mistral4")


@functools.cache
def _tiny_models(model_type: str) -> tuple[Any, ...]:
    """A tiny model through every one of the ten Auto classes that accepts the type's config
    (built once per process, as `_models`).

    A type this transformers version cannot build from the recipe is skipped, not a crash.
    """
    import torch
    import transformers

    try:
        config = _tiny_config(model_type)
    except Exception:  # a type renamed or removed in another transformers version
        return ()
    models = []
    for auto_name, _ in TABLES:
        auto_class = getattr(transformers, auto_name)
        if type(config) in auto_class._model_mapping:
            torch.manual_seed(32)
            try:
                model = auto_class.from_config(config)
            except Exception:
                continue
            if registered_under(type(model).__name__, model.config.model_type):
                models.append(model)
    return tuple(models)


@check("auto_class_of holds beyond the zoo: tiny models of families whose class names mislead",
       family=BEYOND_ZOO)
def holds_beyond_the_zoo(attempt, model_type):
    for model in _tiny_models(model_type):
        _judge(attempt, model, beyond_zoo=True,
               built=Plain(f"a tiny {model_type} model built from a config (not a zoo checkpoint)"))
