"""Per-strategy summaries: percentiles of cost and delivery, confidence of meeting targets.

Percentiles are empirical (numpy's ``inverted_cdf``: an observed value, no interpolation), so a
replication that never delivered (delivery day = infinity) counts as later than any date
without turning the percentile into NaN. P(on time) counts an undelivered film as late.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.core.units import date_of
from sim.experiment.results import Results
from sim.model.ledger import CATEGORIES
from sim.scenario.quantities import SOURCES

PERCENTILES = (10, 50, 80, 90)


def percentiles(values: np.ndarray) -> dict[str, float]:
    """Mean and the P10/P50/P80/P90 of `values` (the mean is infinite if any value is)."""
    values = np.asarray(values, dtype=float)
    found = {"mean": float(np.mean(values))}
    for p in PERCENTILES:
        found[f"p{p}"] = float(np.percentile(values, p, method="inverted_cdf"))
    return found


def summarise(results: Results) -> dict[str, Any]:
    """The summary of a run, ready for JSON (no infinities: a day never reached is None)."""
    scenario = results.scenario
    production = scenario.production
    summary: dict[str, Any] = {
        "scenario": production.title,
        "seed": results.seed,
        "replications": results.replications,
        "start_date": production.start_date.isoformat(),
        "deadline_date": production.deadline_date.isoformat(),
        "budget_usd": production.budget_usd,
        "currency": production.currency,
        "strategies": {},
    }
    for name in results.strategies:
        summary["strategies"][name] = summarise_strategy(results, name)
    return summary


def summarise_strategy(results: Results, name: str) -> dict[str, Any]:
    """Summary of one strategy's replications."""
    scenario = results.scenario
    production = scenario.production
    cost = results.column("cost_usd", name).astype(float)
    delivery = results.column("delivery_day", name).astype(float)
    on_time = delivery <= scenario.deadline_day
    on_budget = cost <= production.budget_usd
    day_stats = percentiles(delivery)
    strategy = scenario.strategies[name]
    policy: str = strategy.shortfall
    if policy == "reshoot":
        policy = f"{strategy.reshoot_on}, then {strategy.reshoot_rest}"
    return {
        "replications": len(cost),
        "shortfall_policy": policy,
        "cost": percentiles(cost),
        "delivery_day": {key: _finite(value) for key, value in day_stats.items()},
        "delivery_date": {
            key: _date(production.start_date, value) for key, value in day_stats.items()
        },
        "p_delivered": float(np.mean(np.isfinite(delivery))),
        "p_on_time": float(np.mean(on_time)),
        "p_on_budget": float(np.mean(on_budget)),
        "p_joint": float(np.mean(on_time & on_budget)),
        "cost_by_category": {
            category: float(np.mean(results.column(f"cost_{category}_usd", name)))
            for category in CATEGORIES
        },
        "planned_by_source": {
            source: float(np.mean(results.column(f"planned_{source}_minutes", name)))
            for source in SOURCES
        },
        "minutes_by_source": {
            source: float(np.mean(results.column(f"minutes_{source}", name))) for source in SOURCES
        },
        **{
            column: float(np.mean(results.column(column, name)))
            for column in ("shortfall_minutes", "reshot_minutes", "remade_minutes", "cut_minutes")
        },
        "real_share": _mean_of_defined(results.column("real_share", name)),
    }


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _date(start: Any, day: float) -> str | None:
    date = date_of(start, day)
    return date.isoformat() if date else None


def _mean_of_defined(values: np.ndarray) -> float | None:
    """Mean over the values that are defined (not NaN); None when none is."""
    values = values.astype(float)
    defined = values[~np.isnan(values)]
    return float(np.mean(defined)) if len(defined) else None
