"""Lets `pytest katas/` work straight from a clone, before or without `pip install -e .`.

Once the package is installed its pytest11 entry point registers the same
plugin; registering it twice is avoided by checking first.
"""

import importlib.metadata

_installed = any(ep.name == "autokata" for ep in importlib.metadata.entry_points(group="pytest11"))
if not _installed:
    pytest_plugins = ["autokata.plugin"]
