"""autokata: katas for the Hugging Face transformers Auto classes, judged by hidden checks on tiny offline models.

In a Jupyter or Colab cell: `import autokata`, define a kata's functions, then
`autokata.check("05")`; `autokata.hint("05")` and `autokata.explain("05")`
help along the way (see `autokata.notebook`). These load on first use, so
importing autokata (as the pytest plugin does) costs no torch.
"""

from __future__ import annotations

#: Names served from `autokata.notebook`, imported on first use.
_NOTEBOOK_HELPERS = ("check", "hint", "explain")


def __getattr__(name: str) -> object:
    if name in _NOTEBOOK_HELPERS:
        from autokata import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_NOTEBOOK_HELPERS])
