"""The Dask executor: a cluster computes exactly the serial table; a bad address is one line."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Iterator

import pytest
from distributed import LocalCluster

from sim.core.errors import UsageError
from sim.experiment import cluster as dask_cluster
from sim.experiment import runner
from sim.experiment.runner import run_experiment


def test_a_local_dask_cluster_gives_the_serial_table(tiny_scenario, monkeypatch) -> None:
    """Two Dask worker processes, small batches grouped into tasks: the same table, byte for byte.

    Every replication is reported to the progress bar once its task ends.
    """
    serial = run_experiment(tiny_scenario, replications=30, seed=5).to_csv()
    monkeypatch.setattr(runner, "BATCH_SIZE", 7)  # batches of 7, 7, 7, 7 and 2 replications
    monkeypatch.setattr(dask_cluster, "TASKS_PER_THREAD", 1)  # tasks of 2, 2 and 1 batches
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        done: list[int] = []
        on_dask = run_experiment(
            tiny_scenario, replications=30, seed=5, dask=cluster, progress=done.append
        )
    assert on_dask.to_csv() == serial
    assert sorted(done) == [2, 14, 14]


@pytest.mark.parametrize(("batches", "threads"), [(40, 2), (50, 2), (7, 3), (1000, 100), (5, 0)])
def test_dask_tasks_take_every_batch_once_in_order(batches: int, threads: int) -> None:
    """Consecutive batches per task, about `TASKS_PER_THREAD` tasks per worker thread."""
    tasks = dask_cluster._tasks(list(range(batches)), threads)
    assert [batch for task in tasks for batch in task] == list(range(batches))
    assert all(tasks)
    wanted = dask_cluster.TASKS_PER_THREAD * max(1, threads)
    assert len(tasks) == batches or wanted <= len(tasks) < 2 * wanted


def test_an_address_dask_cannot_use_is_one_line(tiny_scenario) -> None:
    """An address Dask refuses becomes a usage error naming it."""
    with pytest.raises(UsageError, match=r"--dask nonsense://x: cannot reach the scheduler"):
        run_experiment(tiny_scenario, replications=2, dask="nonsense://x")


def test_without_dask_installed_the_error_says_how_to_install_it(
    tiny_scenario, monkeypatch
) -> None:
    """The optional extra is named when `distributed` cannot be imported."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"pip install distributed"):
        run_experiment(tiny_scenario, replications=2, dask="local")


def test_workers_running_other_code_are_refused() -> None:
    """A worker whose spacesim source, numpy or SimPy differs would give other numbers."""
    mine = dask_cluster._code()
    assert mine.startswith("spacesim ")
    assert ", numpy " in mine
    assert ", SimPy " in mine
    dask_cluster._check_workers("tcp://s:8786", mine, {"tcp://a:1": mine, "tcp://b:2": mine})
    other = mine.replace("numpy ", "numpy 0.")
    with pytest.raises(
        UsageError, match=r"--dask tcp://s:8786: 1 of 2 workers run other code .*tcp://b:2: "
    ):
        dask_cluster._check_workers("tcp://s:8786", mine, {"tcp://a:1": mine, "tcp://b:2": other})


def test_a_worker_without_spacesim_is_one_line(tiny_scenario, monkeypatch) -> None:
    """A worker that cannot run spacesim's code stops the run before any work is sent."""
    import distributed  # noqa: PLC0415

    def cannot(self: distributed.Client, function: object) -> dict[str, str]:
        raise ModuleNotFoundError("No module named 'sim'")

    monkeypatch.setattr(distributed.Client, "run", cannot)
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster,
        pytest.raises(UsageError, match=r"a worker cannot run spacesim \(ModuleNotFound"),
    ):
        run_experiment(tiny_scenario, replications=2, dask=cluster)


@pytest.fixture
def quick_timeout(monkeypatch) -> float:
    """Dask faults are judged within 2 s instead of 30."""
    monkeypatch.setattr(dask_cluster, "DASK_TIMEOUT_SECONDS", 2.0)
    return 2.0


@contextlib.contextmanager
def _serving(answer: bytes | None) -> Iterator[str]:
    """A local port that accepts and says `answer` (or stays silent), while in the block.

    Yields its address; on leaving, the serving thread stops and every socket is closed (one
    left to the garbage collector warns in whichever later test it is collected).
    """
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)  # the thread looks at `stop` between waits
    kept: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                peer, _ = server.accept()
            except TimeoutError:
                continue
            kept.append(peer)
            if answer:
                with contextlib.suppress(OSError):
                    peer.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for peer in kept:
            peer.close()
        server.close()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (None, r"nothing answered there within 2 s; it is not a Dask scheduler"),
        (b"SSH-2.0-OpenSSH_9.6\r\n" * 4, r"what answers there is not a Dask scheduler"),
    ],
)
def test_a_port_that_is_no_scheduler_is_one_line(
    tiny_scenario, quick_timeout, answer, message
) -> None:
    """A silent port or another protocol: refused in seconds, never a hang or MemoryError."""
    with _serving(answer) as address, pytest.raises(UsageError, match=message):
        run_experiment(tiny_scenario, replications=2, dask=address)


def test_a_scheduler_without_workers_is_refused(tiny_scenario, quick_timeout) -> None:
    """A cluster with no worker would wait forever: one line after the timeout instead."""
    with (
        LocalCluster(n_workers=0, dashboard_address=":0") as cluster,
        pytest.raises(UsageError, match="no worker joined the scheduler within 2 s"),
    ):
        run_experiment(tiny_scenario, replications=2, dask=cluster)


def test_losing_every_worker_mid_run_is_one_line(tiny_scenario, quick_timeout, monkeypatch) -> None:
    """All workers gone after the first task: the run ends with one line, not a hang."""
    monkeypatch.setattr(runner, "BATCH_SIZE", 5)
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        pytest.raises(UsageError, match="every worker was lost, none came back"),
    ):
        run_experiment(
            tiny_scenario,
            replications=200,
            seed=5,
            dask=cluster,
            progress=lambda _: cluster.scale(0),
        )
