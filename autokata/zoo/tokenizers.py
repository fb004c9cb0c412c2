"""Tiny tokenizers made offline, one recipe per tokenizer family.

Every recipe is deterministic: WordPiece and Unigram vocabularies are written
out explicitly (training them in `tokenizers` is not reproducible), byte-level
BPE is trained on the fixed corpus (which is).
"""

from __future__ import annotations

import string
from typing import Any

from autokata.zoo.corpus import SENTENCES, WORDS

_CHARS = list(string.ascii_lowercase + string.digits + ".,!?'-:;()\"")
_BPE_VOCAB_SIZE = 400
_WORD_SCORE = -4.0
_CHAR_SCORE = -9.0


def wordpiece(tokenizer_class: type, **kwargs: Any) -> Any:
    """BERT-style vocab: the five specials, characters, `##` pieces, whole words."""
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokens += _CHARS + [f"##{c}" for c in _CHARS]
    tokens += [w for w in WORDS if w not in tokens]
    return tokenizer_class(vocab={tok: i for i, tok in enumerate(tokens)}, **kwargs)


def unigram_pieces() -> list[tuple[str, float]]:
    """Whole words (cheap) and single characters (dear), so known words stay whole."""
    pieces = [("▁", _CHAR_SCORE)]
    pieces += [(f"▁{w}", _WORD_SCORE - len(w) / 100) for w in WORDS]
    pieces += [(c, _CHAR_SCORE) for c in _CHARS]
    pieces += [(f"▁{c}", _CHAR_SCORE) for c in _CHARS if f"▁{c}" not in dict(pieces)]
    return pieces


def unigram(tokenizer_class: type, specials: list[str], tail: list[str] = (), **kwargs: Any) -> Any:
    """A Unigram tokenizer with the model's specials first and `tail` (sentinels, mask) last."""
    vocab = [(s, 0.0) for s in specials] + unigram_pieces() + [(t, 0.0) for t in tail]
    return tokenizer_class(vocab=vocab, **kwargs)


def byte_level_bpe(tokenizer_class: type, specials: list[str], **kwargs: Any) -> Any:
    """Byte-level BPE trained on the corpus, with `specials` seeded at ids 0.."""
    seed = tokenizer_class(vocab={s: i for i, s in enumerate(specials)}, merges=[], **kwargs)
    return seed.train_new_from_iterator(
        list(SENTENCES), vocab_size=_BPE_VOCAB_SIZE, new_special_tokens=specials, show_progress=False
    )


def metaspace_bpe(tokenizer_class: type, **kwargs: Any) -> Any:
    """Llama-style BPE over Metaspace pieces, with the 256 byte-fallback tokens
    (without them, characters outside the vocabulary silently vanish)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from tokenizers.trainers import BpeTrainer

    specials = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    raw = Tokenizer(models.BPE(unk_token="<unk>"))
    raw.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=True)
    trainer = BpeTrainer(
        vocab_size=_BPE_VOCAB_SIZE + len(specials),
        special_tokens=specials,
        initial_alphabet=list("▁" + "".join(_CHARS)),
        show_progress=False,
    )
    raw.train_from_iterator(list(SENTENCES), trainer=trainer)
    state = __import__("json").loads(raw.to_str())["model"]
    tokenizer = tokenizer_class(vocab=state["vocab"], merges=[tuple(m) for m in state["merges"]], **kwargs)
    tokenizer.backend_tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement="▁", prepend_scheme="first", split=True
    )
    return tokenizer


def unigram_backend(backend_class: type, specials: list[str]) -> Any:
    """A Marian-style tokenizer without sentencepiece: a generic backend over Unigram.

    `specials` are `[eos, unk, pad]`; every encoding ends with the eos token.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors

    eos, unk, pad = specials
    vocab = [(s, 0.0) for s in specials] + unigram_pieces()
    raw = Tokenizer(models.Unigram(vocab, unk_id=1, byte_fallback=False))
    raw.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")]
    )
    raw.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    raw.post_processor = processors.TemplateProcessing(
        single=f"$A {eos}", pair=f"$A $B {eos}", special_tokens=[(eos, 0)]
    )
    return backend_class(tokenizer_object=raw, eos_token=eos, unk_token=unk, pad_token=pad)


def frame_with(tokenizer: Any, cls: str, sep: str) -> None:
    """BERT's frame, `cls A sep` and `cls A sep B sep` (B's part typed 1), set on the backend
    so every transformers release saves and reloads it (some leave a class's frame out)."""
    from tokenizers import processors

    ids = [(token, tokenizer.convert_tokens_to_ids(token)) for token in (cls, sep)]
    tokenizer.backend_tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{cls} $A {sep}", pair=f"{cls} $A {sep} $B:1 {sep}:1", special_tokens=ids
    )
