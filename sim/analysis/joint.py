"""Joint confidence: how likely a strategy is to come in by a date and under a cost together.

NASA budgets its projects at a 70% joint confidence level (JCL): the probability of finishing
both by the date and within the cost. The isocurve of a level is the set of (cost, date) pairs
met together by exactly that share of replications: any budget and deadline on or above and
to the right of it are met at least that often.
"""

from __future__ import annotations

import math

import numpy as np


def isocurve(
    cost: np.ndarray, day: np.ndarray, level: float, points: int = 200
) -> tuple[np.ndarray, np.ndarray]:
    """(costs, days) along the `level` joint-confidence isocurve, costs ascending.

    For each cost c (the observed costs, thinned to about `points`), the earliest day d with
    P(cost <= c and day <= d) >= `level`, from the replications. Costs below which fewer than
    `level` of the replications fall have no such day and are left out; so are days never
    reached (films not delivered).
    """
    cost = np.asarray(cost, dtype=float)
    day = np.asarray(day, dtype=float)
    order = np.argsort(cost, kind="mergesort")
    cost, day = cost[order], day[order]
    needed = math.ceil(level * cost.size - 1e-9)
    if needed < 1:
        return np.array([]), np.array([])
    ends = np.unique(
        np.linspace(needed, cost.size, min(points, cost.size - needed + 1)).astype(int)
    )
    costs, days = [], []
    for end in ends:
        kth = float(np.partition(day[:end], needed - 1)[needed - 1])
        if math.isfinite(kth):
            costs.append(cost[end - 1])
            days.append(kth)
    return np.asarray(costs), np.asarray(days)
