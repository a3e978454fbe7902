"""Where batches run: in this process, in a pool of worker processes, or on a Dask cluster.

Each batch carries everything it needs (scenario, strategies, seed, replication range), so
where it runs cannot change what it computes. Dask is optional (``pip install
'.[dask]'`` in the project folder) and imported only when asked for.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

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
    *,
    pool: Pool | None = None,
) -> Iterator[R]:
    """Yield `work(batch)` for every batch: serially, on `jobs` processes, or on Dask.

    Results come in completion order; callers sort. `progress` gets the replications finished.
    `dask` is a scheduler address (``tcp://host:8786``), ``"local"`` for a cluster of `jobs`
    processes on this machine, or a `distributed` Client or cluster; None runs without Dask.
    `pool` is the job's own worker processes (`Pool`), shared with its other stages; without
    one, a pool of `jobs` processes is started for these batches alone.
    """
    if dask is not None:
        yield from on_dask(work, batches, jobs, progress, dask)
        return
    if jobs <= 1 or len(batches) <= 1:
        for batch in batches:
            yield _reported(batch, work(batch), progress)
        return
    if pool is not None:
        yield from _on_pool(work, batches, progress, pool)
        return
    with Pool(jobs) as own:
        yield from _on_pool(work, batches, progress, own)


def handed_over(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    dask: Any = None,
    pool: Pool | None = None,
) -> Handed[R]:
    """`run_batches`, the batches handed to `pool` now, before the first answer is read.

    So that work submitted to the pool afterwards (a run's figures) queues behind them. Without
    a pool (one job, or Dask) the batches run as `run_batches` runs them, when read.
    """
    if pool is None or dask is not None or jobs <= 1:
        return Handed(work, lambda: run_batches(work, batches, jobs, None, dask))
    handed = Handed(work)
    for at, batch in enumerate(batches):
        try:
            handed.futures[pool.submit(work, batch)] = batch
        except BrokenProcessPool:  # a worker died: this process takes the rest
            handed.left = list(batches[at:])
            break
    return handed


class Handed(Generic[R]):
    """Batches handed over: iterate for their answers as they finish; `cancel` drops the rest.

    A worker that died (killed for memory, say) breaks its pool: the batches it left
    unanswered run in this process instead, with the same answers (each carries its seeds).
    """

    def __init__(
        self, work: Callable[[Any], R], later: Callable[[], Iterator[R]] | None = None
    ) -> None:
        self.futures: dict[Future[R], Any] = {}
        #: Batches no worker took, to run here.
        self.left: list[Any] = []
        self._work, self._later = work, later

    def __iter__(self) -> Iterator[R]:
        if self._later is not None:
            yield from self._later()
            return
        try:
            for future in as_completed(self.futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield self._work(self.futures[future])
            for batch in self.left:
                yield self._work(batch)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Drop the batches no worker has started."""
        for future in self.futures:
            future.cancel()
        self.left = []


def _reported(batch: Any, result: R, progress: Callable[[int], None] | None) -> R:
    """`result`, once `progress` has been told that `batch`'s replications are done."""
    if progress:
        progress(batch.stop - batch.start)
    return result


class Pool:
    """Worker processes one job shares between its stages, started as the first work comes.

    A run simulates, reruns variants of its scenario and draws its figures on the same
    workers: each is started once (from the fork server, with `preload` imported there
    beforehand), not once per stage. Workers start without the parent's main script
    (`_main_left_out`), leave Ctrl-C to the parent and exit when it dies (`_start_worker`).
    Safe to submit to from several threads, and several pools at once: hiding the main script
    changes the process's `__main__`, so every pool's submits take one lock.
    """

    #: Held while a pool may start a worker (`_main_left_out`), by every pool of the process.
    _submitting = threading.Lock()

    def __init__(self, jobs: int, preload: Sequence[str] = ()) -> None:
        self.jobs = jobs
        self._executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=_context(preload),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, work: Callable[..., R], *args: Any) -> Future[R]:
        """Hand `work(*args)` to a worker; the first calls start the workers (and wait)."""
        with Pool._submitting, _main_left_out():
            return self._executor.submit(work, *args)

    def close(self, wait: bool = True) -> None:
        """Cancel what has not started; with `wait`, wait for the workers to finish and exit."""
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _on_pool(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    progress: Callable[[int], None] | None,
    pool: Pool,
) -> Iterator[R]:
    """The pool's workers, and this process while they start (and if one of them dies).

    Starting the workers waits for the fork server to import the model (about 0.4 s), and
    the first `submit` blocks until then. So a thread hands the pool the batches from the
    front while this process works through batches from the back; once the pool has them all,
    this process only gathers (working alongside the workers would slow them). A pool whose
    workers are running takes them all at once.
    """
    left = collections.deque(batches)
    lock = threading.Lock()
    futures: dict[Future[R], Any] = {}
    failed: list[BaseException] = []

    def hand_over() -> None:
        try:
            while True:
                with lock:
                    if not left:
                        return
                    batch = left.popleft()
                try:
                    futures[pool.submit(work, batch)] = batch
                except BrokenProcessPool:  # a worker died: this process takes the rest
                    with lock:
                        left.appendleft(batch)
                    return
        except BaseException as error:  # raised again in the calling thread
            failed.append(error)

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
        while left:
            batch = left.pop()
            yield _reported(batch, work(batch), progress)
        for future in as_completed(futures):
            # dropped once read: a finished future holds its batch's columns
            batch = futures.pop(future)
            try:
                answer = future.result()
            except BrokenProcessPool:  # its worker died (killed for memory, say): done here
                answer = work(batch)
            yield _reported(batch, answer, progress)
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

    What the worker shares with the fork server (the model, and a run's figures and matplotlib)
    is frozen out of the garbage collector's reach (`gc.freeze`): a collection would write to
    every object it scans and so copy the pages a worker shares, some 10 MB a worker.
    """
    gc.freeze()
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


def _context(preload: Sequence[str] = ()) -> multiprocessing.context.BaseContext:
    """Fresh worker processes, never forked from a parent that may hold threads.

    Where it exists, a fork server that has imported the model once starts each worker in
    milliseconds (a spawned one imports numpy, SimPy, pydantic and the model anew, ~0.4 s).
    `preload` names more modules for it to import (a run's figures: matplotlib). The fork
    server starts with a process's first worker, importing the list set last before then;
    later lists change nothing.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.experiment.runner", *preload])
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
def worker_pool(jobs: int) -> Iterator[Pool]:
    """`jobs` worker processes, every one started before the block begins, kept for it all.

    For a caller that hands work over round after round (the optimiser asks for candidates a
    batch at a time) and measures each round: the workers' start is not in the first.
    """
    with Pool(jobs) as pool:
        for started in [pool.submit(os.getpid) for _ in range(jobs)]:
            started.result()
        yield pool
