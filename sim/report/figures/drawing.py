"""Which figures a run and a comparison draw, and how: in this process, or on worker processes.

Every figure of a run is drawn from the run's results alone (the Gantt chart also from the
replications it replays, `stories`), so the figures are independent of one another and of
everything else the run still does. `drawing` starts them on worker processes as soon as the
results are known: the results and stories are pickled once, into a temporary file that each
worker reads once, on its first figure, and the workers draw the figures they are handed, the
dearest first. Starting them costs this process a few milliseconds (a worker's import of
matplotlib and the figures, about 0.4 s of a core, is the worker's own). Meanwhile this
process goes on (the risk register's reruns, the summary, the other files of the folder) and
collects the PNGs when the report needs them. With one job, or when the workers' copies of the
results would not fit in the memory left, the figures are drawn here, one after another, when
collected: the same calls as on a worker.

A worker draws exactly what this process would (the same Agg renderer, matplotlib's defaults,
the same metadata), so the files are identical byte for byte whichever drew them; a test
compares them. Workers start as the run's own do (`sim.experiment.executors`): from the fork
server where there is one, leaving Ctrl-C to this process, and exiting when it dies.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import numpy as np
from matplotlib.figure import Figure

from sim.experiment.executors import (
    _context,
    _main_left_out,
    _start_worker,
    available_memory,
)
from sim.experiment.results import Results
from sim.model.outcome import Outcome
from sim.report.figures.breakdown import cost_breakdown
from sim.report.figures.cash_flow import cash_flow
from sim.report.figures.compare import compared_jcl, compared_minutes, compared_s_curves
from sim.report.figures.drivers import critical_tracks, tornadoes
from sim.report.figures.gantt import gantt
from sim.report.figures.minutes import minutes_by_source
from sim.report.figures.scatter import cost_vs_delivery
from sim.report.figures.scurve import s_curves
from sim.report.runs import Run

#: Figures of every run drawn from the results table alone, by file name (and `GANTT`).
RUN_FIGURES: dict[str, Callable[[Results], Figure]] = {
    "cost_vs_delivery.png": cost_vs_delivery,
    "s_curves.png": s_curves,
    "cost_breakdown.png": cost_breakdown,
    "minutes_by_source.png": minutes_by_source,
    "drivers.png": tornadoes,
    "criticality.png": critical_tracks,
    "cash_flow.png": cash_flow,
}
#: The Gantt chart of each strategy's representative replication, replayed.
GANTT = "gantt.png"

#: Figures of `spacesim compare`, by file name (drawn in this process: three small ones).
COMPARE_FIGURES: dict[str, Callable[[list[Run]], Figure]] = {
    "s_curves.png": compared_s_curves,
    "joint_confidence.png": compared_jcl,
    "minutes_by_source.png": compared_minutes,
}

#: The figures with a panel per strategy, about three times the others' cost each (on
#: split.yaml: 0.8-1.1 s against 0.25-0.35 s): handed out first so the workers end together.
DEAREST = ("drivers.png", "cash_flow.png", GANTT)

#: The share of the memory left that the workers' copies of the results may take.
MEMORY_SHARE = 0.5


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
        return png(gantt(results, stories))
    return png(RUN_FIGURES[name](results))


class Drawing:
    """A run's figures being drawn; `figures()` waits for them and returns them by file name.

    `drawn` is told each figure's name as it is finished (from another thread when workers
    draw them); `workers` is how many processes draw (0: this one, when collected).
    """

    def __init__(
        self,
        results: Results,
        stories: Mapping[str, Outcome | None],
        workers: int,
        drawn: Callable[[str], None] | None = None,
    ) -> None:
        self.names = run_figure_names()
        self.workers = workers
        self._results, self._stories = results, stories
        self._drawn = drawn or (lambda _: None)
        self._futures: dict[str, Future[bytes]] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._payload: str | None = None
        if workers:
            self._start()

    def _start(self) -> None:
        # A file, not the workers' start arguments: a new worker reads those while this
        # process waits, and it imports matplotlib before it has read them all.
        handle, self._payload = tempfile.mkstemp(
            prefix=f"spacesim-figures-{os.getpid()}-", suffix=".pickle"
        )
        with os.fdopen(handle, "wb") as file:
            pickle.dump((self._results, self._stories), file, protocol=pickle.HIGHEST_PROTOCOL)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        order = [*DEAREST, *(name for name in self.names if name not in DEAREST)]
        with _main_left_out():  # a worker starts in `submit`: see `_main_left_out`
            for name in order:
                future = self._pool.submit(_draw_from, self._payload, name)
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
        """Drop the figures not started yet and let the workers go.

        A worker finishes the figure it draws (a second at most) and exits; none outlives
        this process.
        """
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
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
    drawn: Callable[[str], None] | None = None,
) -> Iterator[Drawing]:
    """Start drawing a run's figures on up to `jobs` worker processes (one job: here, later).

    Leaving the block, however it is left, drops what is not drawn yet.
    """
    started = Drawing(results, stories, workers_for(results, jobs), drawn)
    try:
        yield started
    finally:
        started.close()


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
