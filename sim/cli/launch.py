"""The console script's entry point: signals first, then the commands.

SIGTERM (what `kill`, a CI runner or a batch scheduler sends) is taken as Ctrl-C is: the run
stops, its workers with it, nothing half-written is left, and one line says what was written.
Importing the commands (rich, click, matplotlib) takes a good part of a second; a Ctrl-C then
ends the program with its exit code, without a traceback.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from sim.cli.errors import InterruptedRunError, TerminatedError, TerminatedRunError


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise TerminatedError


def main() -> None:
    """Entry point of the `spacesim` console script."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        from sim.cli.group import cli  # noqa: PLC0415 - after the handlers, see the docstring
    except KeyboardInterrupt as stop:
        failed = TerminatedRunError if isinstance(stop, TerminatedError) else InterruptedRunError
        sys.exit(failed.exit_code)
    cli(prog_name="spacesim")
