"""How well a run knows its numbers: 95% confidence intervals, distribution-free.

A percentile's interval comes from order statistics (the ranks a binomial count of values
below the true quantile can take; no assumption on the distribution's shape, and it works with
films never delivered, whose day is infinite). A probability's interval is Wilson's score
interval, which stays inside [0, 1] and behaves at 0% and 100%. A mean's interval is the normal
one. `precision` is what a run reports and what `--precision` waits for, as @RISK and Safran
stop a simulation once their statistics converge.
"""

from __future__ import annotations

import math

import numpy as np

#: The two-sided 95% normal quantile.
Z95 = 1.959963984540054


def quantile_interval(values: np.ndarray, q: float, level: float = 0.95) -> tuple[float, float]:
    """Interval of the `q`-quantile (0 < q < 1) of the distribution `values` came from.

    The count B of values below the true quantile is binomial(n, q), so the order statistics
    of ranks l and u cover it with probability P(l <= B < u); l and u are the tightest ranks
    that leave at most (1 - level) / 2 in each tail (conservative: the binomial is discrete).
    With too few values for a tail, the extreme value stands in for it.
    """
    ordered = np.sort(np.asarray(values, dtype=float))
    cdf = _binomial_cdf(ordered.size, q)
    tail = (1.0 - level) / 2.0
    low = int(np.searchsorted(cdf, tail, side="right"))  # ranks 1..low have P(B < rank) <= tail
    high = int(np.searchsorted(cdf, 1.0 - tail, side="left")) + 1
    n = ordered.size
    return float(ordered[min(max(low, 1), n) - 1]), float(ordered[min(high, n) - 1])


def _binomial_cdf(n: int, q: float) -> np.ndarray:
    """P(B <= k) for k = 0..n, B ~ binomial(n, q), summed in log space (no overflow)."""
    k = np.arange(n)
    ratios = np.log((n - k) / (k + 1.0)) + math.log(q / (1.0 - q))
    log_pmf = np.concatenate([[n * math.log1p(-q)], n * math.log1p(-q) + np.cumsum(ratios)])
    return np.cumsum(np.exp(log_pmf))


def proportion_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson's 95% score interval of a probability seen `successes` times in `n` trials."""
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def mean_interval(values: np.ndarray, z: float = Z95) -> tuple[float, float]:
    """Normal 95% interval of the mean (infinite if any value is)."""
    values = np.asarray(values, dtype=float)
    mean = float(np.mean(values))
    if not math.isfinite(mean) or values.size < 2:
        return mean, mean
    half = z * float(np.std(values, ddof=1)) / math.sqrt(values.size)
    return mean - half, mean + half


def relative_half_width(interval: tuple[float, float], estimate: float) -> float:
    """Half the interval's width as a share of `estimate` (infinite when either is)."""
    low, high = interval
    if not all(math.isfinite(v) for v in (low, high, estimate)) or estimate == 0:
        return math.inf
    return (high - low) / 2 / abs(estimate)
