"""How spacesim's errors and a Ctrl-C look on the terminal, and with which exit code."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from sim.core.errors import SpacesimError
from sim.report.folder import marker_id


class ReportedError(click.ClickException):
    """A failed run shown as one ``Error:`` line per problem; exit 1."""

    def __init__(self, error: SpacesimError) -> None:
        super().__init__(str(error))
        self.error = error

    def show(self, file: Any = None) -> None:  # noqa: D102
        for line in self.error.lines():
            click.echo(f"Error: {line}", err=True)


class ReportedBadInputError(ReportedError):
    """Bad input shown like a failed run, with click's usage-error exit code 2."""

    exit_code = 2


class TerminatedError(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds as for Ctrl-C."""


class InterruptedRunError(click.ClickException):
    """A run stopped by Ctrl-C; exit 130 (128 + SIGINT), as shells expect."""

    exit_code = 128 + signal.SIGINT


class TerminatedRunError(InterruptedRunError):
    """A run stopped by SIGTERM; exit 143 (128 + SIGTERM)."""

    exit_code = 128 + signal.SIGTERM


class InvalidFilesError(SpacesimError):
    """Problems of several files, reported together."""

    exit_code = 2

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))


def reported(error: SpacesimError) -> ReportedError:
    """The click exception that shows `error` with its exit code."""
    return ReportedBadInputError(error) if error.exit_code == 2 else ReportedError(error)


@contextmanager
def reporting_interrupts(target: Path) -> Iterator[None]:
    """Turn Ctrl-C or SIGTERM during a run into one line saying what was written, and where.

    The output folder is swapped into place with the signals held, so it is either the old
    one or the new one: its marker says which.
    """
    existed = target.exists()
    before = marker_id(target)
    try:
        yield
    except KeyboardInterrupt as stop:
        failed = TerminatedRunError if isinstance(stop, TerminatedError) else InterruptedRunError
        after = marker_id(target)
        if after is not None and after != before:
            message = f"interrupted after the results were written to {target}"
        else:
            state = "is as it was" if existed else "was not created"
            message = f"interrupted: no results were written; {target} {state}"
        raise failed(message) from None
