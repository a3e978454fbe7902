"""Drawing from the scenario's distributions, always with an explicit numpy Generator."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from statistics import NormalDist
from typing import Any, overload

import numpy as np

from sim.scenario.dists import (
    Bernoulli,
    Discrete,
    DistBase,
    Empirical,
    Fixed,
    Gamma,
    Lognormal,
    Mixture,
    Normal,
    Pert,
    Triangular,
    Uniform,
)

_STANDARD_NORMAL = NormalDist()


@overload
def sample(dist: DistBase, rng: np.random.Generator, size: None = None) -> float: ...
@overload
def sample(dist: DistBase, rng: np.random.Generator, size: int) -> np.ndarray: ...


def sample(dist: DistBase, rng: np.random.Generator, size: int | None = None) -> float | np.ndarray:
    """One draw (a float) or `size` draws (an array) from `dist`.

    One draw is what a size-1 draw gives, bit for bit, made without an array where it can be.
    """
    if size is not None:
        return _draw(dist, rng, size)
    one = _ONE.get(type(dist))
    if one is None:
        return float(_draw(dist, rng, 1)[0])
    return one(dist, rng)


# The scalar draws below are numpy's own C formulas (numpy/random/src/distributions), and
# `choice`'s search of the cumulative probabilities, applied in Python to the same uniform or
# normal variate: they consume the same bits and return the same double, and calling numpy for
# one value costs more in argument checks than the draw.


def _fixed(dist: Fixed, rng: np.random.Generator) -> float:
    return dist.value


def _uniform(dist: Uniform, rng: np.random.Generator) -> float:
    return dist.low + (dist.high - dist.low) * rng.random()


def _triangular(dist: Triangular, rng: np.random.Generator) -> float:
    low, high, ratio, left, right = dist.inverse_cdf_terms
    u = rng.random()
    if u <= ratio:
        return low + math.sqrt(u * left)
    return high - math.sqrt((1.0 - u) * right)


def _lognormal(dist: Lognormal, rng: np.random.Generator) -> float:
    mu, sigma = dist.log_params
    value = math.exp(mu + sigma * rng.standard_normal())
    return value if dist.max is None or value <= dist.max else dist.max


def _lognormals(dist: Lognormal, rng: np.random.Generator, n: int) -> np.ndarray:
    values = rng.lognormal(dist.log_params[0], dist.log_params[1], n)
    return values if dist.max is None else np.minimum(values, dist.max)


def _gamma(dist: Gamma, rng: np.random.Generator) -> float:
    return float(rng.gamma(dist.shape, dist.scale))


def _discrete_one(dist: Discrete, rng: np.random.Generator) -> float:
    return float(dist.values[bisect.bisect_right(dist.cumulative, rng.random())])


def _empirical_one(dist: Empirical, rng: np.random.Generator) -> float:
    # a scalar `integers` draws what a size-1 one does, without its size checks
    return float(dist.data[rng.integers(0, len(dist.data))])


_ONE: dict[type, Callable[[Any, np.random.Generator], float]] = {
    Fixed: _fixed,
    Uniform: _uniform,
    Triangular: _triangular,
    Lognormal: _lognormal,
    Gamma: _gamma,
    Discrete: _discrete_one,
    Empirical: _empirical_one,
}


def _draw(dist: DistBase, rng: np.random.Generator, n: int) -> np.ndarray:
    """`n` draws of `dist` on `rng` (dispatch on the type: pydantic's isinstance is slow)."""
    draw = _MANY.get(type(dist))
    if draw is None:
        raise TypeError(f"no sampler for {type(dist).__name__}")
    return draw(dist, rng, n)


def _bernoulli(dist: Bernoulli, rng: np.random.Generator, n: int) -> np.ndarray:
    hits = rng.random(n) < dist.p
    return np.where(hits, _draw(dist.then, rng, n), 0.0)


def _mixture(dist: Mixture, rng: np.random.Generator, n: int) -> np.ndarray:
    """A uniform per draw picks the component; every component draws `n`, the picked one kept.

    Drawing every component (as `bernoulli` draws its `then` whether it hits or not) makes a
    draw consume the same random numbers whichever component it picks, so a changed weight or
    component leaves the draws after it on the stream where they were.
    """
    pick = np.searchsorted(dist.cumulative, rng.random(n), side="right")
    draws = np.stack([_draw(component, rng, n) for component in dist.components])
    return draws[pick, np.arange(n)]


def _discrete(dist: Discrete, rng: np.random.Generator, n: int) -> np.ndarray:
    # what `rng.choice(len(values), n, p=probabilities)` does, less its checks
    index = np.searchsorted(dist.cumulative, rng.random(n), side="right")
    return np.asarray(dist.values, dtype=float)[index]


def _truncated_normal(dist: Normal, rng: np.random.Generator, n: int) -> np.ndarray:
    """Inverse-CDF draws inside the truncation bounds: no rejection loop, so it cannot hang."""
    if dist.low is None and dist.high is None:
        return rng.normal(dist.mean_, dist.sd, n)
    low_z, high_z = dist.bounds_z
    low_u = 0.0 if low_z == -np.inf else _STANDARD_NORMAL.cdf(low_z)
    high_u = 1.0 if high_z == np.inf else _STANDARD_NORMAL.cdf(high_z)
    u = rng.uniform(low_u, high_u, n)
    tiny = np.nextafter(0.0, 1.0)
    u = np.clip(u, tiny, 1.0 - 1e-16)
    z = np.array([_STANDARD_NORMAL.inv_cdf(float(x)) for x in u])
    return np.clip(dist.mean_ + dist.sd * z, dist.support[0], dist.support[1])


_MANY: dict[type, Callable[[Any, np.random.Generator, int], np.ndarray]] = {
    Fixed: lambda dist, rng, n: np.full(n, dist.value),
    Uniform: lambda dist, rng, n: rng.uniform(dist.low, dist.high, n),
    Triangular: lambda dist, rng, n: rng.triangular(dist.min, dist.mode, dist.max, n),
    Pert: lambda dist, rng, n: (
        dist.min + (dist.max - dist.min) * rng.beta(dist.alpha, dist.beta, n)
    ),
    Normal: _truncated_normal,
    Lognormal: _lognormals,
    Gamma: lambda dist, rng, n: rng.gamma(dist.shape, dist.scale, n),
    Bernoulli: _bernoulli,
    Mixture: _mixture,
    Discrete: _discrete,
    Empirical: lambda dist, rng, n: np.asarray(dist.data, dtype=float)[
        rng.integers(0, len(dist.data), n)
    ],
}
