"""The progress bar of a run and the status line after it, on a terminal only."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)


@contextmanager
def replications_bar(
    console: Console, first: int, most: int, label: str = "simulating"
) -> Iterator[Callable[[int], None]]:
    """A progress bar of replications per strategy on a terminal or in Jupyter; nothing otherwise.

    When a ``--precision`` run goes on past `first`, the bar's end doubles with it, up to
    `most`, as the runner does.
    """
    if console.quiet or not (console.is_terminal or console.is_jupyter):
        yield lambda _: None
        return
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("replications per strategy"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with bar:
        task = bar.add_task("run", total=first)

        def advance(done: int) -> None:
            state = bar.tasks[task]
            if state.total is not None and state.completed >= state.total:
                bar.update(task, total=min(2 * state.total, most))
            bar.advance(task, done)

        yield advance


class Status:
    """One line saying what the run does after simulating, and how many figures are drawn.

    `drawn` may be called from any thread (the figures' workers report from one of their own).
    """

    def __init__(self, figures: int, line: Progress | None = None) -> None:
        self.figures = figures
        self._line = line
        self._task = TaskID(0) if line is None else line.add_task("", total=None)
        self._step = ""
        self._done = 0
        self._lock = threading.Lock()

    def step(self, text: str) -> None:
        """Say what the run does now: ``measuring the risk register``."""
        with self._lock:
            self._step = text
            self._show()

    def drawn(self, _name: str = "") -> None:
        """Count one more figure drawn."""
        with self._lock:
            self._done += 1
            self._show()

    def text(self) -> str:
        """The line as shown: ``writing the report; figures 3 of 8 drawn``.

        The figures are queued behind the reruns, so none drawn yet says only that.
        """
        figures = (
            f"{self.figures} figures drawn"
            if self._done >= self.figures
            else f"figures {self._done} of {self.figures} drawn"
        )
        return f"{self._step}; {figures}" if self._step else figures

    def _show(self) -> None:
        if self._line is not None:
            self._line.update(self._task, description=self.text())


@contextmanager
def status_line(console: Console, figures: int) -> Iterator[Status]:
    """A status line with a spinner on a terminal or in Jupyter, gone when the block ends.

    Nothing is shown with ``--quiet`` or when the output is not a terminal; the `Status`
    still counts.
    """
    if console.quiet or not (console.is_terminal or console.is_jupyter):
        yield Status(figures)
        return
    line = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True
    )
    with line:
        status = Status(figures, line)
        status.step("")
        yield status
