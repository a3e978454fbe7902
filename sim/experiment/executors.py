"""Where batches run: in this process, in a pool of worker processes, or on a Dask cluster.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes. Dask is optional (``pip install
'.[dask]'`` in the project folder) and imported only when asked for.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

from sim.core.errors import UsageError

R = TypeVar("R")


def run_batches(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    progress: Callable[[int], None] | None = None,
    dask: Any = None,
) -> Iterator[R]:
    """Yield `work(batch)` for every batch: serially, on `jobs` processes, or on Dask.

    Results come in completion order; callers sort. `progress` gets the replications finished.
    `dask` is a scheduler address (``tcp://host:8786``), ``"local"`` for a cluster of `jobs`
    processes on this machine, or a `distributed` Client or cluster; None runs without Dask.
    """
    if dask is not None:
        yield from _on_dask(work, batches, jobs, progress, dask)
        return
    if jobs <= 1 or len(batches) <= 1:
        for batch in batches:
            result = work(batch)
            if progress:
                progress(batch.stop - batch.start)
            yield result
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        with _main_left_out():
            futures = {pool.submit(work, batch): batch for batch in batches}
        try:
            for future in as_completed(futures):
                result = future.result()
                if progress:
                    batch = futures[future]
                    progress(batch.stop - batch.start)
                yield result
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _context() -> multiprocessing.context.BaseContext:
    """Fresh worker processes, never forked from a parent that may hold threads.

    Where it exists, a fork server that has imported the model once starts each worker in
    milliseconds (a spawned one imports numpy, SimPy and pydantic anew, ~0.3 s).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.experiment.runner"])
    return context


@contextmanager
def _main_left_out() -> Iterator[None]:
    """Start workers without re-running a main script that is not a file.

    A new worker re-imports the parent's main script by its path; a script read from standard
    input (``python - < study.py``) has none, and the worker would die. The work itself lives
    in `sim`, so the worker does not need the script: its path is hidden while workers start.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or os.path.exists(path):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _on_dask(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    progress: Callable[[int], None] | None,
    dask: Any,
) -> Iterator[R]:
    try:
        from distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError:
        raise UsageError(
            "--dask needs Dask's distributed scheduler: pip install distributed (in the spacesim"
            " folder: pip install '.[dask]')"
        ) from None
    with ExitStack() as owned:
        if isinstance(dask, Client):
            client = dask
        else:
            if dask == "local":
                dask = owned.enter_context(
                    LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
                )
            try:
                client = owned.enter_context(Client(dask, timeout="10s"))
            except (OSError, TimeoutError, ValueError) as error:
                raise UsageError(f"--dask {dask}: cannot reach the scheduler ({error})") from None
        futures = client.map(work, batches, pure=False)
        size = {
            future.key: batch.stop - batch.start
            for future, batch in zip(futures, batches, strict=True)
        }
        try:
            for future, result in as_completed(futures, with_results=True):
                if progress:
                    progress(size[future.key])
                yield result
        finally:
            client.cancel(futures)
