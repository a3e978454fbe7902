"""The `spacesim` command: parses options, calls the layers below, prints.

This is the only package that knows exit codes and the terminal. Every `SpacesimError` becomes
one ``Error: ...`` line per problem, exit 2 for bad input and 1 for a failed run; any other
exception is a bug and is reported in one line unless ``--debug`` asks for the traceback.

`group` holds the group and that one translation point, `options` the options several
commands share, and each command (or family of commands) has its own module.
"""

from sim.cli.group import cli, main

__all__ = ["cli", "main"]
