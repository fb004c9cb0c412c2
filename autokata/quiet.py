"""Keep transformers and the hub quiet and offline for learners.

The environment variables only take effect when set *before* transformers is
first imported, which is why the plugin calls `offline_and_quiet_environment()`
at import time; `silence_libraries()` repeats the same after import, for the
case where something imported transformers first.
"""

from __future__ import annotations

import os

ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
    # transformers loads weights through a pool of threads made anew for every from_pretrained: for
    # checkpoints of a few hundred KB the pool costs more than it saves (measured: 33 ms -> 18 ms
    # per tiny BERT load, 23 ms -> 16 ms of CPU), and the checks load thousands of them.
    "HF_DEACTIVATE_ASYNC_LOAD": "1",
}


def offline_and_quiet_environment() -> None:
    for key, value in ENVIRONMENT.items():
        os.environ[key] = value


def silence_libraries() -> None:
    """Same effect as the environment, for libraries that are already imported."""
    offline_and_quiet_environment()
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    try:
        from huggingface_hub.utils import disable_progress_bars
    except ImportError:  # pragma: no cover - moved in another hub release
        return
    disable_progress_bars()
