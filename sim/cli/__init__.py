"""The `spacesim` command: parses options, calls the layers below, prints.

This is the only package that knows exit codes and the terminal. Every `SpacesimError` becomes
one ``Error: ...`` line per problem, exit 2 for bad input and 1 for a failed run; any other
exception is a bug and is reported in one line unless ``--debug`` asks for the traceback.

`group` holds the group and that one translation point, `options` the options several
commands share, and each command (or family of commands) has its own module. `main` (the
console script) is in `launch`, which imports nothing heavy: a Ctrl-C while the commands are
being imported is then one line too. `cli` is imported on first use (PEP 562) for the same
reason.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sim.cli.launch import main

if TYPE_CHECKING:
    from sim.cli.group import cli

__all__ = ["cli", "main"]


def __getattr__(name: str) -> Any:
    if name != "cli":
        raise AttributeError(f"module 'sim.cli' has no attribute '{name}'")
    return importlib.import_module("sim.cli.group").cli
