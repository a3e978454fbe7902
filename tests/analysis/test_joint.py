"""Joint confidence isocurves: the analytic curve of independent uniforms, and its meaning."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.joint import isocurve


@pytest.mark.parametrize("level", [0.5, 0.7, 0.9])
def test_independent_uniforms_follow_cost_times_day_equals_level(level: float) -> None:
    """For independent U(0,1) cost and day, P(both below) = c*d: the curve is c*d = level."""
    rng = np.random.default_rng(11)
    cost, day = rng.uniform(size=(2, 20_000))
    costs, days = isocurve(cost, day, level)
    assert costs.size > 100
    assert np.max(np.abs(costs * days - level)) < 0.01


def test_each_point_is_met_by_the_level_share_of_replications() -> None:
    """At every point of the 70% curve, at least 70% of replications are below both."""
    rng = np.random.default_rng(5)
    cost = rng.lognormal(size=1000)
    day = cost * 3 + rng.exponential(size=1000)  # correlated, as they are in a production
    for c, d in zip(*isocurve(cost, day, 0.7), strict=True):
        share = np.mean((cost <= c) & (day <= d))
        assert 0.7 <= share < 0.7 + 0.01


def test_films_never_delivered_leave_no_point() -> None:
    """When 40% never deliver, no (cost, date) pair is met 70% of the time: the curve is empty."""
    day = np.concatenate([np.arange(600.0), np.full(400, np.inf)])
    cost = np.arange(1000.0)
    assert isocurve(cost, day, 0.7)[0].size == 0
    assert isocurve(cost, day, 0.5)[0].size > 0
