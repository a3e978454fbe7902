"""Where batches run: in this process, in a pool of worker processes, or on a Dask cluster.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes. Dask is optional (``pip install
'spacesim[dask]'``) and imported only when asked for.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import ExitStack
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
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
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
            "--dask needs Dask's distributed scheduler: pip install 'spacesim[dask]'"
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
