"""Paired comparisons: differences pair by pair, and tighter than comparing two clouds."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.analysis.confidence import mean_interval
from sim.analysis.paired import compare_to
from sim.analysis.summary import summarise
from sim.core.errors import UsageError
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def results():
    """120 replications of the tiny scenario."""
    return run_experiment(scenario_from_data(tiny_data()), replications=120, seed=5)


def test_differences_are_taken_pair_by_pair(results) -> None:
    """The mean cost difference and the share cheaper are those of the matched rows."""
    found = compare_to(results, "orbit").strategies["ground"]
    ground = results.column("cost_usd", "ground").astype(float)
    orbit = results.column("cost_usd", "orbit").astype(float)
    assert found.cost_usd.mean == pytest.approx(np.mean(ground - orbit))
    assert found.p_cheaper.p == np.mean(ground < orbit)
    assert found.cost_usd.pairs == 120


def test_paired_intervals_are_tighter_than_unpaired_ones(results) -> None:
    """Paired, orbit against reshoot is measured far more tightly than from two spreads.

    Both fly the same launches (common random numbers), so their shared noise cancels.
    """
    paired = compare_to(results, "orbit").strategies["reshoot"].cost_usd.ci95
    a = results.column("cost_usd", "orbit").astype(float)
    b = results.column("cost_usd", "reshoot").astype(float)
    unpaired = 2 * math.hypot(*(np.subtract(*mean_interval(x)[::-1]) / 2 for x in (a, b)))
    assert paired[1] - paired[0] < 0.5 * unpaired


def test_delivery_differences_use_pairs_where_both_delivered(results) -> None:
    """Pairs counted are those with both films delivered (all of them here)."""
    found = compare_to(results, "orbit").strategies["mixed"].delivery_days
    assert found.pairs == 120
    assert found.ci95[0] <= found.mean <= found.ci95[1]


def test_an_unknown_baseline_is_a_usage_error(results) -> None:
    """--baseline with a typo names the strategies there are."""
    with pytest.raises(UsageError, match="unknown baseline 'orbt'; the run has: orbit"):
        summarise(results, "orbt")
