"""Where batches run: in this process, in a pool of worker processes, or on a Dask cluster.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes. Dask is optional (``pip install
'.[dask]'`` in the project folder) and imported only when asked for.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sim.experiment.cluster import on_dask

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


def available_memory() -> int | None:
    """Bytes this process may still take: the free memory, or its address-space limit if lower.

    None where neither is known (no /proc/meminfo, no resource limits).
    """
    known: list[int] = []
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                known.append(int(line.split()[1]) * 1024)
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource  # noqa: PLC0415 - POSIX only

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        if soft != resource.RLIM_INFINITY:
            known.append(soft)
    return min(known) if known else None


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
        yield from on_dask(work, batches, jobs, progress, dask)
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

    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    ) as pool:
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


def _start_worker(parent: int) -> None:
    """A worker leaves Ctrl-C to its parent, which stops the run, and dies with the parent.

    A terminal's Ctrl-C reaches the whole process group: a worker that took it would print a
    traceback. A parent killed outright (SIGKILL, an out-of-memory kill) can tell no one: a
    worker left waiting for work would hold the run's output pipes open (`spacesim run | tee`
    would never return), so each worker watches its parent and exits when it is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch = threading.Thread(target=_exit_with, args=(parent,), name="spacesim-parent", daemon=True)
    watch.start()


#: How often a worker checks that its parent is alive, in seconds.
PARENT_CHECK_SECONDS = 0.5


def _exit_with(parent: int) -> None:
    """Exit this worker at once when process `parent` is gone."""
    while not _gone(parent):
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _gone(pid: int) -> bool:
    """Whether process `pid` has ended: no such process, another user's now, or a zombie.

    A killed parent stays a zombie until its own parent reaps it, which a supervisor reading
    the run's output pipes does only once they close: only the kernel's state tells.
    """
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # no /proc (not Linux): the signal test is all there is
        return False
    return stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X")


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


@contextmanager
def worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """`jobs` worker processes started as `run_batches` starts them, kept for many rounds.

    For a caller that hands work over round after round (the optimiser asks for candidates a
    batch at a time): one pool for all of them, each worker started once, without the
    parent's main script.
    """
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        with _main_left_out():
            for started in [pool.submit(os.getpid) for _ in range(jobs)]:
                started.result()
        yield pool
