"""Where batches run: in this process, in a pool of worker processes, or on a Dask cluster.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes. Dask is optional (``pip install
'.[dask]'`` in the project folder) and imported only when asked for.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import simpy

from sim.core.errors import UsageError

R = TypeVar("R")


def usable_cores() -> int:
    """The cores this process may run on: all of the machine's, or fewer where it is confined.

    A batch scheduler (Slurm), a container's cpuset or ``taskset`` confines a process to some
    cores; a worker per core of the whole machine would then crowd them. A CPU quota without a
    cpuset (``docker --cpus``) is not seen: set ``--jobs`` there.
    """
    if hasattr(os, "process_cpu_count"):  # Python 3.13+, which also honours -X cpu_count
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


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
            yield _reported(batch, work(batch), progress)
        return
    yield from _on_pool(work, batches, jobs, progress)


def _reported(batch: Any, result: R, progress: Callable[[int], None] | None) -> R:
    """`result`, once `progress` has been told that `batch`'s replications are done."""
    if progress:
        progress(batch.stop - batch.start)
    return result


def _on_pool(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    progress: Callable[[int], None] | None,
) -> Iterator[R]:
    """`jobs` worker processes, and this one while they start.

    Starting the workers waits for the fork server to import the model (about 0.4 s), and
    the first `submit` blocks until then. So a thread starts the pool and hands it the batches
    from the front while this process works through batches from the back; once the pool has
    them all, this process only gathers (working alongside the workers would slow them).
    """
    left = collections.deque(batches)
    lock = threading.Lock()
    futures: dict[Future[R], Any] = {}
    failed: list[BaseException] = []

    def hand_over() -> None:
        try:
            with _main_left_out():
                while True:
                    with lock:
                        if not left:
                            return
                        batch = left.popleft()
                    futures[pool.submit(work, batch)] = batch
        except BaseException as error:  # raised again in the calling thread
            failed.append(error)

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        handing = threading.Thread(target=hand_over, name="spacesim-pool-start", daemon=True)
        handing.start()
        try:
            while handing.is_alive():
                with lock:
                    batch = left.pop() if left else None
                if batch is None:
                    break
                yield _reported(batch, work(batch), progress)
            handing.join()
            if failed:
                raise failed[0]
            for future in as_completed(futures):
                # dropped once read: a finished future holds its batch's columns
                yield _reported(futures.pop(future), future.result(), progress)
        except BaseException:
            with lock:
                left.clear()
            handing.join()
            for future in futures:
                future.cancel()
            raise


def _context() -> multiprocessing.context.BaseContext:
    """Fresh worker processes, never forked from a parent that may hold threads.

    Where it exists, a fork server that has imported the model once starts each worker in
    milliseconds (a spawned one imports numpy, SimPy, pydantic and the model anew, ~0.4 s).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.experiment.runner"])
    return context


@contextmanager
def _main_left_out() -> Iterator[None]:
    """Start workers without re-running the parent's main script or module.

    A new worker re-imports the parent's main script by its path (or its main module by name)
    before it takes any work. For `spacesim` that script imports the CLI, its figures and
    tables: about a second of one core per worker, for nothing. A script read from standard
    input (``python - < study.py``) has no path, and the worker would die. The work itself
    lives in `sim`, so a worker never needs the main script: it is hidden while workers start.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, Any] = {
        name: vars(main)[name] for name in ("__file__", "__spec__") if name in vars(main)
    }
    main.__dict__.pop("__file__", None)
    main.__spec__ = None  # multiprocessing looks for a module name first, then a path
    try:
        yield
    finally:
        main.__dict__.update(saved)


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
        try:
            theirs = client.run(_code)
        except Exception as error:  # raised on a worker: most often spacesim is missing there
            raise UsageError(
                f"--dask {dask}: a worker cannot run spacesim ({type(error).__name__}: {error});"
                " install the same spacesim on every worker: pip install '.[dask]'"
            ) from None
        _check_workers(dask, _code(), theirs)
        tasks = _tasks(batches, threads=sum(client.nthreads().values()))
        futures = client.map(functools.partial(_in_turn, work), tasks, pure=False)
        size = {
            future.key: sum(batch.stop - batch.start for batch in task)
            for future, task in zip(futures, tasks, strict=True)
        }
        try:
            for future, results in as_completed(futures, with_results=True):
                if progress:
                    progress(size[future.key])
                yield from results
        finally:
            client.cancel(futures)


#: Dask tasks per worker thread in a run: enough that the workers finish together, few enough
#: that Dask's own work per task (the scheduler's, the client's; some milliseconds) stays small
#: beside the task's.
TASKS_PER_THREAD = 8


def _tasks(batches: Sequence[Any], threads: int) -> list[Sequence[Any]]:
    """Consecutive batches grouped into Dask tasks, about `TASKS_PER_THREAD` per worker thread."""
    size = max(1, len(batches) // (TASKS_PER_THREAD * max(1, threads)))
    return [batches[start : start + size] for start in range(0, len(batches), size)]


def _in_turn(work: Callable[[Any], R], batches: Sequence[Any]) -> list[R]:
    """One Dask task: `work` on each of its batches, in turn."""
    return [work(batch) for batch in batches]


def _code() -> str:
    """What a process's numbers depend on: spacesim's own source, numpy's and SimPy's versions.

    The source is hashed rather than versioned: two checkouts of one version can differ.
    """
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    source = digest.hexdigest()[:12]
    return f"spacesim {source}, numpy {np.__version__}, SimPy {simpy.__version__}"


def _check_workers(dask: Any, mine: str, theirs: dict[str, str]) -> None:
    """Refuse a cluster whose workers run other code than this process: their numbers differ.

    Raises:
        UsageError: naming the first worker that differs and what each side runs.
    """
    other = {worker: code for worker, code in theirs.items() if code != mine}
    if other:
        worker, code = min(other.items())
        raise UsageError(
            f"--dask {dask}: {len(other)} of {len(theirs)} workers run other code than this process"
            f" ({worker}: {code}; here: {mine}); install the same spacesim, numpy and SimPy on"
            " every worker"
        )
