"""Confidence intervals hold their promise: about 95% of them cover the true value."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.analysis.confidence import mean_interval, proportion_interval, quantile_interval

TRIALS = 1000


@pytest.mark.parametrize(("n", "q"), [(100, 0.5), (300, 0.8), (1000, 0.9)])
def test_quantile_intervals_cover_the_true_quantile_95_percent_of_the_time(
    n: int, q: float
) -> None:
    """Exponential samples: the true q-quantile -ln(1-q) falls inside ~95% of the intervals."""
    rng = np.random.default_rng(20261124)
    truth = -math.log(1 - q)
    covered = sum(
        low <= truth <= high
        for low, high in (quantile_interval(rng.exponential(size=n), q) for _ in range(TRIALS))
    )
    assert 0.93 <= covered / TRIALS <= 0.98  # binomial noise ±1.4%; discrete ranks lean high


@pytest.mark.parametrize(("n", "p"), [(50, 0.1), (1000, 0.7), (1000, 0.02)])
def test_wilson_intervals_cover_the_true_probability(n: int, p: float) -> None:
    """Binomial counts: the true probability falls inside ~95% of Wilson's intervals."""
    rng = np.random.default_rng(7)
    intervals = [proportion_interval(int(k), n) for k in rng.binomial(n, p, size=TRIALS)]
    covered = sum(low <= p <= high for low, high in intervals)
    assert 0.92 <= covered / TRIALS <= 0.98


def test_mean_intervals_cover_the_true_mean() -> None:
    """Normal-theory intervals of a mean of 200 uniforms cover 1/2 about 95% of the time."""
    rng = np.random.default_rng(3)
    intervals = [mean_interval(rng.uniform(size=200)) for _ in range(TRIALS)]
    covered = sum(low <= 0.5 <= high for low, high in intervals)
    assert 0.93 <= covered / TRIALS <= 0.97


def test_never_delivered_films_make_an_upper_bound_infinite() -> None:
    """With a third of the films never delivered, the P80's interval reaches infinity."""
    values = np.concatenate([np.arange(200.0), np.full(100, math.inf)])
    low, high = quantile_interval(values, 0.8)
    assert high == math.inf
    assert low == math.inf or low > 150


def test_certain_outcomes_keep_wilson_inside_zero_and_one() -> None:
    """0 of 100 and 100 of 100 give intervals inside [0, 1] that touch their end."""
    assert proportion_interval(0, 100)[0] == 0.0
    assert proportion_interval(100, 100)[1] == 1.0
    assert 0 < proportion_interval(0, 100)[1] < 0.05
