"""What a financier and a completion guarantor read off a strategy's replications.

The joint-confidence budget of a level is the smallest budget B with P(cost <= B and delivered
by the deadline) >= level, as NASA sets a project's budget at 70% joint confidence (JCL) and
Safran Risk reads it off its cost-schedule scatter; none when the level cannot be reached at any
budget, because fewer than that share of replications deliver on time. The date needed at the
budget is the mirror image: the earliest date D with P(cost <= budget and delivered by D) >=
level. Both are read off the replications themselves: an observed cost or day, no
interpolation (as the percentiles are).

A completion guarantor asks the film to hold a contingency on top of its budget (a share of
it, often 10%) and pays what the film costs above budget plus contingency: that sum is its
strike price. Its exposure is the chance of passing it, the expected overrun above it (the
mean of max(cost - strike, 0) over all replications: what the guarantor pays per film, on
average) and the P90 overrun (what it pays in one film in ten, or more).
"""

from __future__ import annotations

import math

import numpy as np

from sim.analysis.records import Exposure, Financing, JointLevel
from sim.core.units import date_of
from sim.experiment.results import Results

#: Joint confidence levels reported (NASA NPR 7120.5 asks for 70%; bonds and lenders ask more).
LEVELS = (0.7, 0.8, 0.9)


def needed(level: float, size: int) -> int:
    """How many of `size` replications a share `level` of them is (rounded up, at least 1)."""
    return max(1, math.ceil(level * size - 1e-9))


def jcl_budget(
    cost: np.ndarray, day: np.ndarray, deadline_day: float, level: float
) -> float | None:
    """The smallest budget met together with the deadline by a share `level` of replications.

    The k-th cheapest cost among the replications delivered by the deadline, k = ceil(level
    x n): a budget below it leaves fewer than k replications both on time and on budget; at it,
    k are. None when fewer than k deliver by the deadline: no budget reaches the level.
    """
    cost = np.asarray(cost, dtype=float)
    on_time = np.sort(cost[np.asarray(day, dtype=float) <= deadline_day])
    k = needed(level, cost.size)
    return float(on_time[k - 1]) if on_time.size >= k else None


def jcl_day(cost: np.ndarray, day: np.ndarray, budget_usd: float, level: float) -> float | None:
    """The earliest day met together with the budget by a share `level` of replications.

    The k-th earliest delivery day among the replications within the budget; None when fewer
    than k are within it, or the k-th of them never delivered.
    """
    day = np.asarray(day, dtype=float)
    within = np.sort(day[np.asarray(cost, dtype=float) <= budget_usd])
    k = needed(level, day.size)
    if within.size < k or not math.isfinite(within[k - 1]):
        return None
    return float(within[k - 1])


def exposure(cost: np.ndarray, strike_usd: float) -> Exposure:
    """The guarantor's exposure above `strike_usd` (budget plus the required contingency)."""
    cost = np.asarray(cost, dtype=float)
    overrun = np.maximum(cost - strike_usd, 0.0)
    return Exposure(
        strike_usd=strike_usd,
        p_exceeds=float(np.mean(cost > strike_usd)),
        expected_overrun_usd=float(np.mean(overrun)),
        p90_overrun_usd=float(np.percentile(overrun, 90, method="inverted_cdf")),
    )


def financing_of(results: Results, name: str) -> Financing:
    """The financing view of strategy `name`: JCL budgets, contingency, guarantor's exposure."""
    scenario = results.scenario
    production = scenario.production
    cost = results.column("cost_usd", name).astype(float)
    day = results.column("delivery_day", name).astype(float)
    budget = production.budget_usd
    contingency = budget * production.required_contingency
    strike = budget + contingency
    levels = []
    for level in LEVELS:
        by_day = jcl_day(cost, day, budget, level)
        levels.append(
            JointLevel(
                level=level,
                budget_usd=jcl_budget(cost, day, scenario.deadline_day, level),
                date=None if by_day is None else date_of(production.start_date, by_day),
            )
        )
    p80 = float(np.percentile(cost, 80, method="inverted_cdf"))
    jcl80 = next(joint.budget_usd for joint in levels if joint.level == 0.8)
    return Financing(
        budget_p_value=float(np.mean(cost <= budget)),
        contingency_usd=contingency,
        strike_p_value=float(np.mean(cost <= strike)),
        covers_p80=strike >= p80,
        covers_jcl80=jcl80 is not None and strike >= jcl80,
        contingency_for_p80_usd=max(0.0, p80 - budget),
        joint=tuple(levels),
        guarantor=exposure(cost, strike),
    )
