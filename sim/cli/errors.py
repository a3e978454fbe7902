"""How spacesim's errors and a Ctrl-C look on the terminal, and with which exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from sim.core.errors import SpacesimError


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


class InterruptedRunError(click.ClickException):
    """A run stopped by Ctrl-C; exit 130 (128 + SIGINT), as shells expect."""

    exit_code = 130


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
    """Turn Ctrl-C during a run into one line saying that nothing was written, and where."""
    existed = target.exists()
    try:
        yield
    except KeyboardInterrupt:
        state = "is as it was" if existed else "was not created"
        raise InterruptedRunError(
            f"interrupted: no results were written; {target} {state}"
        ) from None
