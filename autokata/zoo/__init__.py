"""The tiny offline zoo: build, cache and hand out checkpoint folders.

Checks hand learners a *path*, exactly as a hub checkpoint would be used, so
every checkpoint is a real `save_pretrained` folder (model + tokenizer).
Callers use this package's names only (`zoo.path("bert")`, `zoo.ENCODERS`);
its modules, each importing only those below it:

- `families`     which checkpoints exist, by family (what checks run across)
- `cache`        the cache folder: key, file lock, manifest, rebuild when touched
- `building`     build every checkpoint into a folder (torch and transformers)
- `calibration`  three-label heads whose decisions run through the corpus
- `recipes`      one small config, model class and tokenizer per architecture
- `tokenizers`   tiny tokenizers made offline, one recipe per tokenizer family
- `corpus`       the sentences and words everything is built from
"""

from __future__ import annotations

from autokata.zoo.cache import (
    ZOO_VERSION,
    build_into,
    cache_root,
    ensure,
    matches_manifest,
    path,
    restore_if_touched,
    zoo_dir,
    zoo_key,
)
from autokata.zoo.families import (
    CAUSAL_BERT,
    CHAT,
    CONFIG_ONLY,
    DECODERS,
    ENCODERS,
    NSP,
    SEQ2SEQ,
    THREE_LABEL_NAMES,
    THREE_LABELS,
)

__all__ = [
    "CAUSAL_BERT", "CHAT", "CONFIG_ONLY", "DECODERS", "ENCODERS", "NSP", "SEQ2SEQ", "THREE_LABELS",
    "THREE_LABEL_NAMES", "ZOO_VERSION", "build_into", "cache_root", "ensure", "matches_manifest", "path",
    "restore_if_touched", "zoo_dir", "zoo_key",
]
