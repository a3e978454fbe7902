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
    {"dist": "lognormal", "mu": 5.1, "sigma": 0.99, "max": 1000},
    {"dist": "gamma", "shape": 2.5, "scale": 4},
    {"dist": "bernoulli", "p": 0.3},
    {"dist": "bernoulli", "p": 0.2, "then": {"dist": "uniform", "low": 60, "high": 365}},
    {"dist": "discrete", "values": [1, 2, 3], "probabilities": [0.5, 0.3, 0.2]},
    {"dist": "empirical", "data": [1, 2, 2, 15, 8, 2, 0, 0, 0, 0]},
    {
        "dist": "mixture",
        "weights": [0.17, 0.83],
        "components": [0, {"dist": "lognormal", "mu": 4.5, "sigma": 0.6}],
    },
    {
        "dist": "mixture",
        "weights": [0.5, 0.3, 0.2],
        "components": [
            {"dist": "normal", "mean": 5, "sd": 1},
            {"dist": "uniform", "low": 20, "high": 40},
            {"dist": "triangular", "min": 0, "mode": 1, "max": 8},
        ],
    },
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


def _numpy_draw(dist, rng: np.random.Generator, size: int | None) -> object:
    """What numpy's own method gives for the kinds sampled without it."""
    match dist.dist:
        case "uniform":
            return rng.uniform(dist.low, dist.high, size)
        case "triangular":
            return rng.triangular(dist.min, dist.mode, dist.max, size)
        case "lognormal":
            return rng.lognormal(*dist.log_params, size)
        case "discrete":
            index = rng.choice(len(dist.values), size=size or 1, p=dist.probabilities)
            values = np.asarray(dist.values, dtype=float)[index]
            return values if size else values[0]
        case "empirical":
            values = np.asarray(dist.data, dtype=float)[rng.integers(0, len(dist.data), size or 1)]
            return values if size else values[0]
    raise AssertionError(dist.dist)


@pytest.mark.parametrize("kind", ["uniform", "triangular", "lognormal", "discrete", "empirical"])
def test_draws_made_without_numpy_equal_numpys_bit_for_bit(kind: str) -> None:
    """Scalar draws (numpy's formula, a scalar `integers`) and choice-free discrete draws.

    Random parameters, the mode at either end included; then the streams must be in the same
    state, so the next draw agrees too.
    """
    params = np.random.default_rng(99)
    for case in range(400):
        low = float(params.uniform(-50, 50))
        high = low + float(params.uniform(1e-3, 400))
        mode = [low, high, low + (high - low) * float(params.random())][case % 3]
        weights = params.random(int(params.integers(1, 6)))
        spec = {
            "uniform": {"low": low, "high": high},
            "triangular": {"min": low, "mode": mode, "max": high},
            "lognormal": {"mu": low / 50, "sigma": float(params.uniform(0.01, 2))},
            "discrete": {
                "values": params.normal(size=len(weights)).tolist(),
                "probabilities": (weights / weights.sum()).tolist(),
            },
            "empirical": {"data": params.normal(size=int(params.integers(1, 3000))).tolist()},
        }[kind]
        dist = ADAPTER.validate_python({"dist": kind, **spec})
        ours, theirs = np.random.default_rng(case), np.random.default_rng(case)
        assert sample(dist, ours) == _numpy_draw(dist, theirs, None)
        assert np.array_equal(sample(dist, ours, 7), _numpy_draw(dist, theirs, 7))
        assert ours.random() == theirs.random()


def test_mixture_moments_by_hand() -> None:
    """Weights 1/4, 3/4 on 0 and uniform(0, 8): mean 3, E[X^2] = 3/4 * 64/3 = 16, var 7."""
    dist = ADAPTER.validate_python(
        {
            "dist": "mixture",
            "weights": [0.25, 0.75],
            "components": [0, {"dist": "uniform", "low": 0, "high": 8}],
        }
    )
    assert dist.mean == pytest.approx(3.0)
    assert dist.variance == pytest.approx(7.0)
    assert dist.support == (0.0, 8.0)
    draws = sample(dist, np.random.default_rng(5), N)
    assert np.mean(draws == 0) == pytest.approx(0.25, abs=4 * math.sqrt(0.25 * 0.75 / N))


def test_a_mixture_draw_uses_the_same_numbers_whatever_it_picks() -> None:
    """Changing the weights changes which component is kept, never the stream's next number."""
    draws = []
    for weights in ([0.9, 0.1], [0.1, 0.9], [0.0, 1.0]):
        dist = ADAPTER.validate_python(
            {
                "dist": "mixture",
                "weights": weights,
                "components": [0, {"dist": "lognormal", "mu": 1, "sigma": 0.5}],
            }
        )
        rng = np.random.default_rng(11)
        one = sample(dist, rng)
        draws.append((one, rng.random()))
        again = np.random.default_rng(11)
        assert sample(dist, again, 1)[0] == one  # one draw is a size-1 draw, bit for bit
    assert len({after for _, after in draws}) == 1
    assert draws[2][0] > 0  # weight 0 on the point mass: never picked


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({"weights": [0.5, 0.6], "components": [0, 1]}, "sum to 1.1"),
        ({"weights": [0.5, 0.5], "components": [0, 1, 2]}, "2 weights but 3 components"),
        ({"weights": [1.5, -0.5], "components": [0, 1]}, ">= 0"),
    ],
)
def test_a_mixture_that_does_not_add_up_is_refused(spec: dict, words: str) -> None:
    """Weights must match the components one for one and sum to 1."""
    with pytest.raises(ValueError, match=words):
        ADAPTER.validate_python({"dist": "mixture", **spec})
