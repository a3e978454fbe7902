"""Batches on a Dask cluster, and every way a cluster can fail as one line, never a hang.

Dask is optional (``pip install '.[dask]'`` in the project folder) and imported only when asked
for. Before any work, the scheduler must answer (a silent port or another protocol is refused)
and have a worker; every worker must run this process's spacesim, numpy and SimPy. During the
run a lost scheduler, a cancelled task or a cluster left without workers for
`DASK_TIMEOUT_SECONDS` ends the run with one line.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import simpy

from sim.core.errors import UsageError

R = TypeVar("R")


#: How long a Dask scheduler has to answer, and a cluster to have a worker (at the start, or
#: again after losing them all), in seconds.
DASK_TIMEOUT_SECONDS = 30.0


def on_dask(
    work: Callable[[Any], R],
    batches: Sequence[Any],
    jobs: int,
    progress: Callable[[int], None] | None,
    dask: Any,
) -> Iterator[R]:
    """Yield `work(batch)` for every batch, computed on the Dask cluster `dask`.

    `dask` is a scheduler address, ``"local"`` (a cluster of `jobs` processes here), or a
    `distributed` Client or cluster. Results come in completion order; callers sort.
    `progress` gets the replications finished, task by task.

    Raises:
        UsageError: Dask is not installed, the cluster cannot be used, or it failed mid-run.
    """
    try:
        import distributed  # noqa: PLC0415
    except ImportError:
        raise UsageError(
            "--dask needs Dask's distributed scheduler: pip install distributed (in the spacesim"
            " folder: pip install '.[dask]')"
        ) from None
    with ExitStack() as owned:
        if isinstance(dask, distributed.Client):
            client = dask
        else:
            if dask == "local":
                dask = owned.enter_context(
                    distributed.LocalCluster(
                        n_workers=jobs, threads_per_worker=1, dashboard_address=":0"
                    )
                )
            client = owned.enter_context(_connect(distributed, dask))
        _wait_for_a_worker(client, dask)
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
            for future in _finished(distributed, client, futures, dask):
                results = future.result()
                if progress:
                    progress(size[future.key])
                yield from results
        finally:
            with contextlib.suppress(Exception):  # a scheduler already gone cannot cancel
                client.cancel(futures)


def _connect(distributed: Any, dask: Any) -> Any:
    """A client of the scheduler at `dask`, or one line saying why there is none.

    Raises:
        UsageError: nothing answers there, or what answers is no Dask scheduler.
    """
    if isinstance(dask, str):
        _probe(dask)
    try:
        return distributed.Client(dask, timeout=f"{DASK_TIMEOUT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"--dask {dask}: cannot reach the scheduler ({error})") from None
    except Exception as error:  # it answered, in another protocol (MemoryError reading a banner)
        raise UsageError(
            f"--dask {dask}: what answers there is not a Dask scheduler ({type(error).__name__});"
            " give the scheduler's address, as `dask scheduler` prints it"
        ) from None


def _probe(address: str) -> None:
    """Refuse a TCP address where nothing speaks first, as a Dask scheduler does at once.

    A scheduler writes its handshake as soon as a client connects; Dask's own client waits
    past its timeout on a port that accepts and stays silent.

    Raises:
        UsageError: the port is closed, or silent for `DASK_TIMEOUT_SECONDS`.
    """
    scheme, _, rest = address.partition("://")
    host, _, port = rest.rpartition(":")
    if scheme != "tcp" or not port.isdigit():
        return  # other transports (inproc, tls, ucx): Dask's client checks those itself
    try:
        with socket.create_connection((host.strip("[]"), int(port)), DASK_TIMEOUT_SECONDS) as peer:
            peer.settimeout(DASK_TIMEOUT_SECONDS)
            said = peer.recv(1)
    except TimeoutError:
        said = b""
    except OSError as error:
        raise UsageError(
            f"--dask {address}: cannot reach the scheduler ({error.strerror or error})"
        ) from None
    if not said:
        raise UsageError(
            f"--dask {address}: nothing answered there within {DASK_TIMEOUT_SECONDS:g} s; it is"
            " not a Dask scheduler: give the address `dask scheduler` prints"
        )


def _wait_for_a_worker(client: Any, dask: Any) -> None:
    """Wait for the cluster to have a worker; a scheduler alone would wait forever.

    Raises:
        UsageError: no worker joined within `DASK_TIMEOUT_SECONDS`.
    """
    try:
        client.wait_for_workers(1, timeout=DASK_TIMEOUT_SECONDS)
    except TimeoutError:
        raise UsageError(
            f"--dask {dask}: no worker joined the scheduler within {DASK_TIMEOUT_SECONDS:g} s;"
            f" start some (dask worker {dask}) and run again"
        ) from None


def _finished(distributed: Any, client: Any, futures: list[Any], dask: Any) -> Iterator[Any]:
    """Dask's futures as they finish; one line when the cluster cannot finish them.

    Raises:
        UsageError: the scheduler was lost, a task was cancelled, or no worker was left for
            `DASK_TIMEOUT_SECONDS` (Dask itself would wait for one forever).
    """
    pending = set(futures)
    alone_since: float | None = None
    while pending:
        try:
            done, pending = distributed.wait(pending, timeout=1.0, return_when="FIRST_COMPLETED")
            workers = len(client.nthreads())
        except TimeoutError:
            done, workers = set(), len(client.nthreads())
        except Exception as error:  # the scheduler's connection is gone
            raise _lost(dask, f"the scheduler was lost ({type(error).__name__})") from None
        for future in done:
            if future.status != "finished":
                if future.status == "error":
                    future.result()  # a task's own exception: raised as it is
                raise _lost(
                    dask, f"a task was {future.status}: the scheduler was lost or restarted"
                )
            yield future
        if workers or done:
            alone_since = None
        elif alone_since is None:
            alone_since = time.monotonic()
        elif time.monotonic() - alone_since > DASK_TIMEOUT_SECONDS:
            raise _lost(
                dask, f"every worker was lost, none came back within {DASK_TIMEOUT_SECONDS:g} s"
            )


def _lost(dask: Any, what: str) -> UsageError:
    return UsageError(f"--dask {dask}: {what}; no results were written: run again")


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
