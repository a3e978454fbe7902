"""The progress bar of a run, on a terminal only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def replications_bar(console: Console, first: int, most: int) -> Iterator[Callable[[int], None]]:
    """A progress bar of replications per strategy on a terminal; nothing otherwise.

    When a ``--precision`` run goes on past `first`, the bar's end doubles with it, up to
    `most`, as the runner does.
    """
    if console.quiet or not console.is_terminal:
        yield lambda _: None
        return
    bar = Progress(
        TextColumn("simulating"),
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
