"""Where batches run: in this process, or in a pool of worker processes.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Sized(Protocol):
    start: int
    stop: int


def run_batches(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[R]:
    """Yield `work(batch)` for every batch, serially or on `jobs` worker processes.

    Results come in completion order; callers sort. `progress` gets the replications finished.
    """
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
