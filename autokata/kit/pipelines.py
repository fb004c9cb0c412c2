"""Pipelines: which transformers pipeline learner code built, and what a pipeline class serves.

`PipelinesBuilt` is an instrument (see `autokata.kit.instruments`): it patches
`Pipeline.__init__` at class level where the learner's code runs and records
the class of every pipeline built, by name (`module.ClassName`, see
`implementation`), before it initialises: a wrong task may crash there.
`pipeline_task` reads transformers' task table for the task a pipeline class
serves and the Auto class it loads for it.
"""

from __future__ import annotations

from typing import Any

from autokata.kit.instruments import Instrument


class PipelinesBuilt(Instrument):
    """Every transformers Pipeline constructed by learner code inside the block: `built` holds
    the class of each, as `module.ClassName`.

    Patched on the base class, so every task's pipeline is seen, whether the
    learner passed a path or model objects, and recorded before it initialises
    (a wrong task may crash there); the original is always restored.
    """

    def __init__(self) -> None:
        self.built: list[str] = []

    def install(self) -> None:
        from transformers.pipelines.base import Pipeline

        self._original = Pipeline.__init__
        original, built = self._original, self.built

        def spy(pipe: Any, *args: Any, **kwargs: Any) -> None:
            built.append(implementation(type(pipe)))
            original(pipe, *args, **kwargs)

        Pipeline.__init__ = spy

    def uninstall(self) -> None:
        from transformers.pipelines.base import Pipeline

        Pipeline.__init__ = self._original

    def classes(self) -> list[str]:
        """The recorded class names (anything that is not a name is left out)."""
        return [name for name in self.built if isinstance(name, str)] if isinstance(self.built, list) else []


def implementation(cls: type) -> str:
    """A class as `module.ClassName`, the way transformers' task table names pipelines."""
    return f"{cls.__module__}.{cls.__name__}"


def pipeline_task(pipeline: str) -> tuple[str, str]:
    """The task name a pipeline class (`module.ClassName`) serves and the Auto class it loads for it."""
    from transformers.pipelines import SUPPORTED_TASKS

    for task, entry in SUPPORTED_TASKS.items():
        impl = entry["impl"]  # a dotted path in recent releases, the class itself in older ones
        if (impl if isinstance(impl, str) else implementation(impl)) == pipeline:
            return task, entry["pt"][0].__name__
    return pipeline.rsplit(".", 1)[-1], "?"
