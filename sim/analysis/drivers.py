"""What drives a strategy's delivery and cost, and what picture lock waited for.

Drivers are ranked by Spearman's rank correlation with the delivery day and with the cost, as
@RISK's and Safran Risk's tornado charts do: ranks make the measure indifferent to scale and
to films never delivered (their infinite day simply ranks last). A driver column that does
not vary for a strategy (a launch count for a film that never flies) is left out; so are the
milestone days and work counts that are consequences rather than causes, and correlations
within the reach of noise.
"""

from __future__ import annotations

import math
from collections import Counter
from statistics import NormalDist
from typing import Any

import numpy as np

from sim.experiment.results import Results
from sim.model.drivers import CAUSES


def driver_columns(results: Results) -> list[str]:
    """The columns a tornado ranks: sampled inputs, counts of trouble, risk events.

    Milestone days and work counts, which are consequences, are declared so
    (`sim.model.drivers`) and left out.
    """
    return [*CAUSES, *(f"risk_{name}" for name in results.scenario.risks)]


def rank_correlations(results: Results, strategy: str, target: str) -> list[tuple[str, float]]:
    """Spearman's rho of each driver with `target` (a column), largest |rho| first.

    Only correlations beyond noise are kept: |rho| >= z / sqrt(n - 1), with z set so that
    drivers without any effect put a bar in at most 5% of tornadoes (Bonferroni over the m
    drivers tested, z = Phi^-1(1 - 0.025 / m), about 3.1 for thirty). A plain 1.96 would let
    one or two of some thirty drivers through by chance in every tornado.
    """
    outcome = results.column(target, strategy).astype(float)
    tested = []
    for name in driver_columns(results):
        values = results.column(name, strategy).astype(float)
        known = ~np.isnan(values)
        if known.sum() < 3 or np.ptp(values[known]) == 0:
            continue
        rho = _spearman(values[known], outcome[known])
        if math.isfinite(rho):
            tested.append((name, rho, int(known.sum())))
    found = [(name, rho) for name, rho, n in tested if beyond_noise(rho, n, len(tested))]
    return sorted(found, key=lambda item: -abs(item[1]))


def beyond_noise(rho: float, n: int, tested: int) -> bool:
    """Whether a rank correlation over `n` pairs is beyond noise, `tested` drivers tested.

    |rho| >= z / sqrt(n - 1), z = Phi^-1(1 - 0.025 / tested) (see `rank_correlations`).
    """
    z = NormalDist().inv_cdf(1 - 0.025 / max(1, tested))
    return n > 1 and abs(rho) >= z / math.sqrt(n - 1)


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rank correlation of `x` and `y`; NaN when `y` does not vary."""
    return _spearman(x, y)


def drivers_of(results: Results, strategy: str, top: int = 10) -> dict[str, Any]:
    """The `top` drivers of delivery and of cost, as ``[{"driver", "rho"}]`` lists."""
    return {
        key: [
            {"driver": name, "rho": rho}
            for name, rho in rank_correlations(results, strategy, column)[:top]
        ]
        for key, column in (("delivery", "delivery_day"), ("cost", "cost_usd"))
    }


def criticality(results: Results, strategy: str) -> dict[str, float]:
    """How often each track was the last thing picture lock waited for, most often first."""
    tracks = Counter(str(track) for track in results.column("critical_track", strategy))
    total = sum(tracks.values())
    return {track: count / total for track, count in tracks.most_common()}


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    rx, ry = _ranks(x), _ranks(y)
    if np.ptp(ry) == 0:
        return math.nan
    return float(np.corrcoef(rx, ry)[0, 1])


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n, ties sharing their mean rank (infinity is a value like any other)."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(values.size)
    ranks[order] = np.arange(1, values.size + 1)
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    return (np.bincount(inverse, weights=ranks) / counts)[inverse]
