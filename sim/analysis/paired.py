"""Each strategy against a baseline, replication by replication.

Replication *i* of every strategy faces the same draws (common random numbers), so the
difference between two strategies is best measured on pairs: the noise both share cancels,
and the interval of the mean difference is far tighter than the two strategies' own spreads
would suggest. Delivery differences are taken over the pairs in which both films were
delivered (their number is reported).
"""

from __future__ import annotations

import math

import numpy as np

from sim.analysis.confidence import mean_interval, proportion_interval
from sim.analysis.records import Comparison, Difference, Paired, Share
from sim.experiment.results import Results
from sim.scenario.quantities import SPACE_KINDS


def compare_to(results: Results, baseline: str) -> Comparison:
    """Paired differences of every other strategy minus `baseline`, with 95% intervals.

    Per strategy: ``cost_usd``, ``delivery_days`` and ``real_minutes`` (screen minutes of
    space scenes shot for real) as differences (mean, ci95, pairs), and the paired shares
    ``p_cheaper`` and ``p_earlier`` (an undelivered film is later than any delivered one).
    """
    space_minutes = sum(results.scenario.script.minutes(kind) for kind in SPACE_KINDS)
    base = _columns(results, baseline, space_minutes)
    found: dict[str, Paired] = {}
    for name in results.strategies:
        if name == baseline:
            continue
        other = _columns(results, name, space_minutes)
        both = np.isfinite(other["delivery"]) & np.isfinite(base["delivery"])
        n = len(other["cost"])
        found[name] = Paired(
            cost_usd=_difference(other["cost"] - base["cost"]),
            delivery_days=_difference(other["delivery"][both] - base["delivery"][both]),
            real_minutes=_difference(other["real"] - base["real"]),
            p_cheaper=_share(other["cost"] < base["cost"], n),
            p_earlier=_share(other["delivery"] < base["delivery"], n),
        )
    return Comparison(baseline=baseline, strategies=found)


def _columns(results: Results, name: str, space_minutes: float) -> dict[str, np.ndarray]:
    real_share = np.nan_to_num(results.column("real_share", name).astype(float))
    return {
        "cost": results.column("cost_usd", name).astype(float),
        "delivery": results.column("delivery_day", name).astype(float),
        "real": real_share * space_minutes,
    }


def _difference(values: np.ndarray) -> Difference:
    if values.size == 0:
        return Difference(mean=None, ci95=(None, None), pairs=0)
    low, high = mean_interval(values)
    return Difference(
        mean=float(np.mean(values)),
        ci95=(low if math.isfinite(low) else None, high if math.isfinite(high) else None),
        pairs=int(values.size),
    )


def _share(hits: np.ndarray, n: int) -> Share:
    successes = int(np.sum(hits))
    return Share(p=successes / n if n else None, ci95=proportion_interval(successes, n))
