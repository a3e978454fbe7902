"""Drawing from the scenario's distributions, always with an explicit numpy Generator."""

from __future__ import annotations

from statistics import NormalDist
from typing import overload

import numpy as np

from sim.scenario.dists import (
    Bernoulli,
    Discrete,
    DistBase,
    Empirical,
    Fixed,
    Gamma,
    Lognormal,
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
    """One draw (a float) or `size` draws (an array) from `dist`."""
    if size is None:
        return _one(dist, rng)
    return _draw(dist, rng, size)


def _one(dist: DistBase, rng: np.random.Generator) -> float:
    """One draw without making an array: numpy draws exactly what a size-1 draw would."""
    match dist:
        case Fixed():
            return dist.value
        case Uniform():
            return float(rng.uniform(dist.low, dist.high))
        case Triangular():
            return float(rng.triangular(dist.min, dist.mode, dist.max))
        case Lognormal():
            mu, sigma = dist.log_params
            return float(rng.lognormal(mu, sigma))
        case Gamma():
            return float(rng.gamma(dist.shape, dist.scale))
    return float(_draw(dist, rng, 1)[0])


def _draw(dist: DistBase, rng: np.random.Generator, n: int) -> np.ndarray:  # noqa: PLR0911
    match dist:
        case Fixed():
            return np.full(n, dist.value)
        case Uniform():
            return rng.uniform(dist.low, dist.high, n)
        case Triangular():
            return rng.triangular(dist.min, dist.mode, dist.max, n)
        case Pert():
            return dist.min + (dist.max - dist.min) * rng.beta(dist.alpha, dist.beta, n)
        case Normal():
            return _truncated_normal(dist, rng, n)
        case Lognormal():
            mu, sigma = dist.log_params
            return rng.lognormal(mu, sigma, n)
        case Gamma():
            return rng.gamma(dist.shape, dist.scale, n)
        case Bernoulli():
            hits = rng.random(n) < dist.p
            then = _draw(dist.then, rng, n)
            return np.where(hits, then, 0.0)
        case Discrete():
            index = rng.choice(len(dist.values), size=n, p=dist.probabilities)
            return np.asarray(dist.values, dtype=float)[index]
        case Empirical():
            return np.asarray(dist.data, dtype=float)[rng.integers(0, len(dist.data), n)]
    raise TypeError(f"no sampler for {type(dist).__name__}")


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
