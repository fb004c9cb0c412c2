"""Recipes for the tiny checkpoints: one small config, model class and tokenizer each.

Every recipe returns `(model, tokenizer)` ready for `save_pretrained`. Sizes are
the smallest that still behave like the real thing (2 layers, 4 heads, hidden
32, 128 usable positions), so the whole zoo builds in well under a second.
Recipes take the `transformers` module as an argument, so importing this
module costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import autokata.zoo.tokenizers as tok

POSITIONS = 128
_SIZES = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=37)
#: Generators get a wider init than the default 0.02: their greedy, beam and
#: sampled outputs then differ more often instead of repeating one token.
_GENERATOR_INIT = 0.1
_ROBERTA_SPECIALS = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]

#: Chat templates differ per decoder, so a hand-formatted prompt matches none of them.
CHAT_TEMPLATES = {
    "gpt2": (
        "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}assistant:{% endif %}"
    ),
    "llama": (
        "{% for m in messages %}[{{ m['role'] | upper }}] {{ m['content'] }} [/{{ m['role'] | upper }}]\n"
        "{% endfor %}{% if add_generation_prompt %}[ASSISTANT]{% endif %}"
    ),
    "qwen2": (
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    ),
    "mistral": (
        "{% for m in messages %}{% if m['role'] == 'assistant' %} {{ m['content'] }}\n"
        "{% else %}[INST] {{ m['role'] }}: {{ m['content'] }} [/INST]{% endif %}{% endfor %}"
        "{% if add_generation_prompt %} answer:{% endif %}"
    ),
}


def _finish(tokenizer: Any) -> Any:
    tokenizer.model_max_length = POSITIONS
    return tokenizer


def bert(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.wordpiece(t.BertTokenizer))
    config = t.BertConfig(vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, **_SIZES)
    return t.BertForPreTraining(config), tokenizer


def bert_deep(t: Any) -> tuple[Any, Any]:
    """A second next-sentence checkpoint with other sizes, so no shape can be hard-coded."""
    tokenizer = _finish(tok.wordpiece(t.BertTokenizer))
    config = t.BertConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS,
        hidden_size=48, num_hidden_layers=3, num_attention_heads=4, intermediate_size=53,
    )
    return t.BertForPreTraining(config), tokenizer


def bert_decoder(t: Any) -> tuple[Any, Any]:
    """A BERT that attends only to the left: its class name says 'BERT', its behaviour is causal."""
    tokenizer = _finish(tok.wordpiece(t.BertTokenizer))
    config = t.BertConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, is_decoder=True, **_SIZES
    )
    return t.BertLMHeadModel(config), tokenizer


def distilbert(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.wordpiece(t.DistilBertTokenizer))
    config = t.DistilBertConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, dim=32, n_layers=2, n_heads=4, hidden_dim=37
    )
    return t.DistilBertForMaskedLM(config), tokenizer


def electra(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.wordpiece(t.ElectraTokenizer))
    config = t.ElectraConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, embedding_size=32, **_SIZES
    )
    return t.ElectraForMaskedLM(config), tokenizer


def roberta(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.byte_level_bpe(t.RobertaTokenizer, _ROBERTA_SPECIALS))
    config = t.RobertaConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS + 2, pad_token_id=1, **_SIZES
    )
    return t.RobertaForMaskedLM(config), tokenizer


def albert(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.unigram(t.AlbertTokenizer, ["<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"]))
    config = t.AlbertConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, embedding_size=16,
        pad_token_id=0, bos_token_id=2, eos_token_id=3, **_SIZES,
    )
    return t.AlbertForPreTraining(config), tokenizer


def deberta_v2(t: Any) -> tuple[Any, Any]:
    """Unigram vocab in DeBERTa-v3's order ([PAD] [CLS] [SEP] [UNK], [MASK] last);
    relative attention only, no token types, a pooler that belongs to the head."""
    specials = ["[PAD]", "[CLS]", "[SEP]", "[UNK]"]
    tokenizer = _finish(tok.unigram(t.DebertaV2Tokenizer, specials, tail=["[MASK]"], unk_id=3))
    tok.frame_with(tokenizer, "[CLS]", "[SEP]")  # transformers 5.0 leaves both out
    config = t.DebertaV2Config(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, pad_token_id=0, type_vocab_size=0,
        relative_attention=True, position_buckets=32, max_relative_positions=-1, pos_att_type=["p2c", "c2p"],
        position_biased_input=False, pooler_hidden_size=_SIZES["hidden_size"], **_SIZES,
    )
    return t.DebertaV2ForMaskedLM(config), tokenizer


def gpt2(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.byte_level_bpe(t.GPT2Tokenizer, ["<|endoftext|>"]))
    tokenizer.chat_template = CHAT_TEMPLATES["gpt2"]
    config = t.GPT2Config(
        vocab_size=len(tokenizer), n_positions=POSITIONS, n_embd=32, n_layer=2, n_head=4, n_inner=37,
        bos_token_id=0, eos_token_id=0, initializer_range=_GENERATOR_INIT,
    )
    return t.GPT2LMHeadModel(config), tokenizer


def llama(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.metaspace_bpe(t.LlamaTokenizer))
    tokenizer.chat_template = CHAT_TEMPLATES["llama"]
    config = t.LlamaConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, num_key_value_heads=2,
        bos_token_id=1, eos_token_id=2, head_dim=8, initializer_range=_GENERATOR_INIT, **_SIZES,
    )
    return t.LlamaForCausalLM(config), tokenizer


def qwen2(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.byte_level_bpe(t.Qwen2Tokenizer, ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]))
    tokenizer.chat_template = CHAT_TEMPLATES["qwen2"]
    config = t.Qwen2Config(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, num_key_value_heads=2,
        bos_token_id=0, eos_token_id=0, initializer_range=_GENERATOR_INIT, **_SIZES,
    )
    return t.Qwen2ForCausalLM(config), tokenizer


def mistral(t: Any) -> tuple[Any, Any]:
    """Llama-style BPE with byte fallback; reloads as the generic tokenizer class
    (no mistral-common), and has a chat template of its own."""
    tokenizer = _finish(tok.metaspace_bpe(t.LlamaTokenizer))
    tokenizer.chat_template = CHAT_TEMPLATES["mistral"]
    config = t.MistralConfig(
        vocab_size=len(tokenizer), max_position_embeddings=POSITIONS, num_key_value_heads=2, sliding_window=None,
        bos_token_id=1, eos_token_id=2, head_dim=8, initializer_range=_GENERATOR_INIT, **_SIZES,
    )
    return t.MistralForCausalLM(config), tokenizer


def t5(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.unigram(t.T5Tokenizer, ["<pad>", "</s>", "<unk>"], extra_ids=0))
    config = t.T5Config(
        vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=37, num_layers=2, num_heads=4,
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
    )
    return t.T5ForConditionalGeneration(config), tokenizer


def _seq2seq_sizes() -> dict[str, int]:
    return dict(
        d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4, decoder_attention_heads=4,
        encoder_ffn_dim=37, decoder_ffn_dim=37, max_position_embeddings=POSITIONS, init_std=_GENERATOR_INIT,
    )


def bart(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.byte_level_bpe(t.RobertaTokenizer, _ROBERTA_SPECIALS))
    config = t.BartConfig(
        vocab_size=len(tokenizer), pad_token_id=1, bos_token_id=0, eos_token_id=2,
        decoder_start_token_id=2, forced_eos_token_id=2, **_seq2seq_sizes(),
    )
    return t.BartForConditionalGeneration(config), tokenizer


def mbart(t: Any) -> tuple[Any, Any]:
    """mBART's order: <s> <pad> </s> <unk>, pieces, the language codes, <mask> last;
    a source ends with `</s> en_XX`."""
    from transformers.models.mbart.tokenization_mbart import FAIRSEQ_LANGUAGE_CODES

    tail = [*FAIRSEQ_LANGUAGE_CODES, "<mask>"]
    tokenizer = _finish(tok.unigram(t.MBartTokenizer, ["<s>", "<pad>", "</s>", "<unk>"], tail=tail))
    config = t.MBartConfig(
        vocab_size=len(tokenizer), pad_token_id=1, bos_token_id=0, eos_token_id=2,
        decoder_start_token_id=2, forced_eos_token_id=2, **_seq2seq_sizes(),
    )
    return t.MBartForConditionalGeneration(config), tokenizer


def pegasus(t: Any) -> tuple[Any, Any]:
    """Pegasus's order (<pad> </s> <mask_1> <mask_2>, then <unk>), with no offset of
    reserved <unk_N> pieces; sinusoidal positions."""
    specials = ["<pad>", "</s>", "<mask_1>", "<mask_2>", "<unk>"]
    tokenizer = _finish(tok.unigram(t.PegasusTokenizer, specials, offset=0))
    config = t.PegasusConfig(
        vocab_size=len(tokenizer), pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
        forced_eos_token_id=1, **_seq2seq_sizes(),
    )
    return t.PegasusForConditionalGeneration(config), tokenizer


def marian(t: Any) -> tuple[Any, Any]:
    tokenizer = _finish(tok.unigram_backend(t.TokenizersBackend, ["</s>", "<unk>", "<pad>"]))
    config = t.MarianConfig(
        vocab_size=len(tokenizer), pad_token_id=2, eos_token_id=0, decoder_start_token_id=2,
        forced_eos_token_id=0, **_seq2seq_sizes(),
    )
    return t.MarianMTModel(config), tokenizer


Recipe = Callable[[Any], tuple[Any, Any]]

#: Every architecture's recipe, by the zoo name learners' paths end in.
RECIPES: dict[str, Recipe] = {
    "bert": bert,
    "roberta": roberta,
    "distilbert": distilbert,
    "electra": electra,
    "albert": albert,
    "deberta-v2": deberta_v2,
    "gpt2": gpt2,
    "llama": llama,
    "qwen2": qwen2,
    "mistral": mistral,
    "t5": t5,
    "bart": bart,
    "mbart": mbart,
    "marian": marian,
    "pegasus": pegasus,
    "bert-deep": bert_deep,
    "bert-decoder": bert_decoder,
}
