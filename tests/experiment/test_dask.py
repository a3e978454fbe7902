"""The Dask executor: a cluster computes exactly the serial table; a bad address is one line."""

from __future__ import annotations

import sys

import pytest
from distributed import LocalCluster

from sim.core.errors import UsageError
from sim.experiment import runner
from sim.experiment.runner import run_experiment


def test_a_local_dask_cluster_gives_the_serial_table(tiny_scenario, monkeypatch) -> None:
    """Two Dask worker processes and small batches: the same table, byte for byte."""
    serial = run_experiment(tiny_scenario, replications=30, seed=5).to_csv()
    monkeypatch.setattr(runner, "BATCH_SIZE", 7)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        done: list[int] = []
        on_dask = run_experiment(
            tiny_scenario, replications=30, seed=5, dask=cluster, progress=done.append
        )
    assert on_dask.to_csv() == serial
    assert sorted(done) == [2, 7, 7, 7, 7]


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
