"""Sample mean and variance of every distribution kind against its formula.

N = 200,000 draws per case, seed 12345; the mean must lie within 4 standard errors of theory
and the variance within 4 standard errors of the sample variance (estimated from the fourth
central moment).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydantic import TypeAdapter

from sim.model.sampling import sample
from sim.scenario.dists import Dist

N = 200_000
CASES = [
    {"dist": "fixed", "value": 3.5},
    {"dist": "uniform", "low": 2, "high": 9},
    {"dist": "triangular", "min": 90, "mode": 134, "max": 365},
    {"dist": "pert", "min": 1, "mode": 2, "max": 10},
    {"dist": "pert", "min": 0, "mode": 9, "max": 10, "shape": 6},
    {"dist": "normal", "mean": 5, "sd": 2},
    {"dist": "normal", "mean": 1, "sd": 3, "low": 0},
    {"dist": "normal", "mean": 10, "sd": 4, "low": 8, "high": 20},
    {"dist": "lognormal", "mu": 2.58, "sigma": 0.52},
    {"dist": "lognormal", "median": 3.0, "p90": 5.0},
    {"dist": "gamma", "shape": 2.5, "scale": 4},
    {"dist": "bernoulli", "p": 0.3},
    {"dist": "bernoulli", "p": 0.2, "then": {"dist": "uniform", "low": 60, "high": 365}},
    {"dist": "discrete", "values": [1, 2, 3], "probabilities": [0.5, 0.3, 0.2]},
    {"dist": "empirical", "data": [1, 2, 2, 15, 8, 2, 0, 0, 0, 0]},
]
ADAPTER = TypeAdapter(Dist)


@pytest.mark.parametrize("spec", CASES, ids=lambda spec: f"{spec['dist']}-{len(spec)}")
def test_sample_mean_and_variance_match_theory(spec: dict) -> None:
    """The sample moments of each kind agree with its mean and variance formulas."""
    dist = ADAPTER.validate_python(spec)
    draws = sample(dist, np.random.default_rng(12345), N)
    low, high = dist.support
    assert draws.min() >= low
    assert draws.max() <= high
    if dist.variance == 0:
        assert np.all(draws == dist.mean)
        return
    stderr_mean = math.sqrt(dist.variance / N)
    assert abs(draws.mean() - dist.mean) < 4 * stderr_mean
    fourth = np.mean((draws - draws.mean()) ** 4)
    stderr_var = math.sqrt(max(fourth - draws.var() ** 2, 1e-12) / N)
    assert abs(draws.var() - dist.variance) < 4 * stderr_var


def test_lognormal_by_median_and_p90_puts_them_where_asked() -> None:
    """A lognormal given by median 3 and p90 5 has those quantiles."""
    dist = ADAPTER.validate_python({"dist": "lognormal", "median": 3.0, "p90": 5.0})
    draws = sample(dist, np.random.default_rng(1), N)
    assert np.median(draws) == pytest.approx(3.0, rel=0.01)
    assert np.quantile(draws, 0.9) == pytest.approx(5.0, rel=0.01)


def test_truncated_normal_far_in_the_tail_neither_hangs_nor_escapes() -> None:
    """Bounds six sd above the mean still give draws inside them, by inverse CDF."""
    dist = ADAPTER.validate_python({"dist": "normal", "mean": 0, "sd": 1, "low": 4, "high": 6})
    draws = sample(dist, np.random.default_rng(3), 10_000)
    assert draws.min() >= 4
    assert draws.max() <= 6
    assert abs(draws.mean() - dist.mean) < 4 * math.sqrt(dist.variance / 10_000)


def test_a_single_draw_is_a_float() -> None:
    """Without a size, sample returns a plain float."""
    dist = ADAPTER.validate_python(5)
    assert sample(dist, np.random.default_rng(0)) == 5.0
