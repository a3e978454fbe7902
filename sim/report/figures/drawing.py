"""Which figures a run and a comparison draw, and how: in this process, or on worker processes.

Every figure of a run is drawn from the run's results alone (the Gantt chart also from the
replications it replays, `stories`), so the figures are independent of one another and of
everything else the run still does. `drawing` starts them on worker processes as soon as the
results are known: the results and stories are pickled once, into a temporary file that each
worker reads once, on its first figure, and the workers draw the figures they are handed, the
dearest first: on the run's own workers (`sim.experiment.executors.Pool`; where its pool
started the process's fork server, that has imported matplotlib and the figures: `PRELOAD`),
behind the reruns handed to them before, or on workers of their own. Starting them costs
this process a few milliseconds. Meanwhile this process goes on (the summary, the other
files of the folder) and collects the PNGs when the report needs them. With one job, or when
the workers' copies of the results would not fit in the memory left, the figures are drawn
here, one after another, when collected: the same calls as on a worker.

A worker draws exactly what this process would (the same Agg renderer, matplotlib's defaults,
the same metadata), so the files are identical byte for byte whichever drew them; a test
compares them.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.experiment.executors import Pool, available_memory
from sim.experiment.results import Results
from sim.model.outcome import Outcome

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Lazy:
    """A figure function by module and name, imported when first called.

    So a process that only collects what its workers drew never imports matplotlib and the
    figures (a third of a second of every `spacesim run`); the workers' fork server does
    (`PRELOAD`).
    """

    module: str
    name: str

    def __call__(self, *args: Any) -> Figure:
        """Draw the figure."""
        drawn: Figure = getattr(importlib.import_module(self.module), self.name)(*args)
        return drawn


def _figure(module: str, name: str) -> Lazy:
    return Lazy(f"sim.report.figures.{module}", name)


#: Figures of every run drawn from the results table alone, by file name (and `GANTT`).
RUN_FIGURES: dict[str, Lazy] = {
    "cost_vs_delivery.png": _figure("scatter", "cost_vs_delivery"),
    "s_curves.png": _figure("scurve", "s_curves"),
    "cost_breakdown.png": _figure("breakdown", "cost_breakdown"),
    "minutes_by_source.png": _figure("minutes", "minutes_by_source"),
    "drivers.png": _figure("drivers", "tornadoes"),
    "criticality.png": _figure("drivers", "critical_tracks"),
    "cash_flow.png": _figure("cash_flow", "cash_flow"),
}
#: The Gantt chart of each strategy's representative replication, replayed.
GANTT = "gantt.png"
GANTT_FIGURE = _figure("gantt", "gantt")

#: Figures of `spacesim compare`, by file name (drawn in this process: three small ones).
COMPARE_FIGURES: dict[str, Lazy] = {
    "s_curves.png": _figure("compare", "compared_s_curves"),
    "joint_confidence.png": _figure("compare", "compared_jcl"),
    "minutes_by_source.png": _figure("compare", "compared_minutes"),
}

#: The figures with a panel per strategy, about three times the others' cost each (on
#: split.yaml: 0.8-1.1 s against 0.25-0.35 s): handed out first so the workers end together.
DEAREST = ("drivers.png", "cash_flow.png", GANTT)

#: The share of the memory left that the workers' copies of the results may take.
MEMORY_SHARE = 0.5

#: What the fork server imports for workers that may draw: every run figure's module.
PRELOAD = tuple(sorted({f.module for f in (*RUN_FIGURES.values(), GANTT_FIGURE)} | {__name__}))


def run_figure_names() -> list[str]:
    """The file names of a run's figures, in the order the folder lists them."""
    return [*RUN_FIGURES, GANTT]


def png(figure: Figure) -> bytes:
    """A figure as the bytes of a PNG file (Agg, matplotlib's default metadata)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def draw_run_figure(name: str, results: Results, stories: Mapping[str, Outcome | None]) -> bytes:
    """One figure of a run, `name` one of `run_figure_names()`, as PNG bytes."""
    if name == GANTT:
        return png(GANTT_FIGURE(results, stories))
    return png(RUN_FIGURES[name](results))


class Drawing:
    """A run's figures being drawn; `figures()` waits for them and returns them by file name.

    `pool` draws them (None: this process, when collected); `drawn` is told each figure's
    name as it is finished (from another thread when workers draw them). A worker that dies
    (killed for memory, say) leaves its figures to this process.
    """

    def __init__(
        self,
        results: Results,
        stories: Mapping[str, Outcome | None],
        pool: Pool | None = None,
        drawn: Callable[[str], None] | None = None,
    ) -> None:
        self.names = run_figure_names()
        self._results, self._stories = results, stories
        self._drawn = drawn or (lambda _: None)
        self._futures: dict[str, Future[bytes]] = {}
        self._payload: str | None = None
        if pool is not None:
            self._start(pool)

    def _start(self, pool: Pool) -> None:
        # A file, not the work's arguments: each worker reads it once, on its first figure.
        handle, self._payload = tempfile.mkstemp(
            prefix=f"spacesim-figures-{os.getpid()}-", suffix=".pickle"
        )
        with os.fdopen(handle, "wb") as file:
            pickle.dump((self._results, self._stories), file, protocol=pickle.HIGHEST_PROTOCOL)
        order = [*DEAREST, *(name for name in self.names if name not in DEAREST)]
        for name in order:
            try:
                future = pool.submit(_draw_from, self._payload, name)
            except BrokenProcessPool:  # a worker died: the rest are drawn here, when collected
                return
            future.add_done_callback(functools.partial(self._told, name))
            self._futures[name] = future

    def _told(self, name: str, future: Future[bytes]) -> None:
        if not future.cancelled() and future.exception() is None:
            self._drawn(name)

    def figures(self) -> dict[str, bytes]:
        """Every figure as PNG bytes, by file name in `names` order; waits for the workers.

        A worker that died (killed for memory, say) leaves its figures to this process.

        Raises:
            Exception: whatever drawing a figure raised.
        """
        found: dict[str, bytes] = {}
        for name in self.names:
            future = self._futures.get(name)
            if future is not None:
                try:
                    found[name] = future.result()
                    continue
                except BrokenProcessPool:
                    pass
            found[name] = draw_run_figure(name, self._results, self._stories)
            self._drawn(name)
        self.close()
        return found

    def close(self) -> None:
        """Drop the figures not started yet and the results' file the workers read.

        A worker finishes the figure it draws (a second at most) and takes the next work.
        """
        for future in self._futures.values():
            future.cancel()
        if self._payload is not None:
            with contextlib.suppress(OSError):  # a worker reading it keeps it until it is done
                os.unlink(self._payload)
            self._payload = None


@contextmanager
def drawing(
    results: Results,
    stories: Mapping[str, Outcome | None],
    *,
    jobs: int,
    pool: Pool | None = None,
    drawn: Callable[[str], None] | None = None,
) -> Iterator[Drawing]:
    """Start drawing a run's figures on `pool`, or on up to `jobs` workers of their own.

    With one job, or too little memory for the workers' copies of the results
    (`workers_for`), they are drawn here, when collected. Leaving the block, however it is
    left, drops what is not drawn yet.
    """
    workers = workers_for(results, jobs)
    with contextlib.ExitStack() as stack:
        if workers and pool is None:
            pool = stack.enter_context(Pool(workers, PRELOAD))
        started = Drawing(results, stories, pool if workers else None, drawn)
        stack.callback(started.close)
        yield started


def workers_for(results: Results, jobs: int, memory: int | None = None) -> int:
    """How many worker processes draw a run's figures: none with one job, at most one each.

    Each worker holds a copy of the results, about the table's size, and the pickle's pages
    are cached once more; when that would take more than `MEMORY_SHARE` of the memory left
    (`memory`, default: what this process may still take), the figures are drawn in this
    process instead.
    """
    workers = min(jobs, len(run_figure_names())) if jobs > 1 else 0
    memory = available_memory() if memory is None else memory
    table = sum(np.asarray(values).nbytes for values in results.columns.values())
    if workers and memory is not None and (1 + workers) * table > MEMORY_SHARE * memory:
        return 0
    return workers


#: What a worker read, by the file it read it from: the results and the stories.
_read: dict[str, tuple[Results, Mapping[str, Outcome | None]]] = {}


def _draw_from(payload: str, name: str) -> bytes:
    """Draw one figure in a worker, from the results in `payload` (read once per worker)."""
    if payload not in _read:
        with open(payload, "rb") as file:
            _read[payload] = pickle.load(file)
    return draw_run_figure(name, *_read[payload])
