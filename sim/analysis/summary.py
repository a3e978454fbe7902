"""Per-strategy summaries: percentiles of cost and delivery, confidence of meeting targets.

Percentiles are empirical (numpy's ``inverted_cdf``: an observed value, no interpolation), so a
replication that never delivered (delivery day = infinity) counts as later than any date
without turning the percentile into NaN. P(on time) counts an undelivered film as late.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from sim.analysis.confidence import (
    mean_interval,
    proportion_interval,
    quantile_interval,
    relative_half_width,
)
from sim.analysis.drivers import criticality, drivers_of
from sim.analysis.paired import compare_to
from sim.core.errors import UsageError
from sim.core.units import date_of
from sim.experiment.results import Results
from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.scenario.quantities import SOURCES

PERCENTILES = (10, 50, 80, 90)


def percentiles(values: np.ndarray) -> dict[str, float]:
    """Mean and the P10/P50/P80/P90 of `values` (the mean is infinite if any value is)."""
    values = np.asarray(values, dtype=float)
    found = {"mean": float(np.mean(values))}
    for p in PERCENTILES:
        found[f"p{p}"] = float(np.percentile(values, p, method="inverted_cdf"))
    return found


def summarise(results: Results, baseline: str | None = None) -> dict[str, Any]:
    """The summary of a run, ready for JSON (no infinities: a day never reached is None).

    `baseline` is the strategy the others are compared with, pair by pair (the first when
    None); see `sim.analysis.paired`.

    Raises:
        UsageError: `baseline` is not one of the run's strategies.
    """
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
    baseline = results.strategies[0] if baseline is None else baseline
    if baseline not in results.strategies:
        raise UsageError(
            f"unknown baseline '{baseline}'; the run has: " + ", ".join(results.strategies)
        )
    summary["comparison"] = compare_to(results, baseline)
    summary["precision"] = {
        key: _worst(strategy["precision"][key] for strategy in summary["strategies"].values())
        for key in ("cost_p80", "delivery_p80")
    }
    return summary


def precise_to(tolerance: float) -> Callable[[Results], bool]:
    """A stopping rule: every strategy's P80 cost and P80 delivery known to ±`tolerance`."""

    def reached(results: Results) -> bool:
        for name in results.strategies:
            cost = results.column("cost_usd", name).astype(float)
            delivery = results.column("delivery_day", name).astype(float)
            widths = precision_of(cost, delivery).values()
            if any(width is None or width > tolerance for width in widths):
                return False
        return True

    return reached


def _worst(widths: Iterable[float | None]) -> float | None:
    """The widest of some relative half-widths; None (unknown) wins."""
    found = list(widths)
    known = [width for width in found if width is not None]
    return None if len(known) < len(found) else max(known, default=None)


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
    day_intervals = intervals(delivery)
    shares = {
        "p_delivered": np.isfinite(delivery),
        "p_on_time": on_time,
        "p_on_budget": on_budget,
        "p_joint": on_time & on_budget,
    }
    return {
        "replications": len(cost),
        "shortfall_policy": policy,
        "cost": percentiles(cost),
        "cost_ci95": intervals(cost),
        "delivery_day": {key: _finite(value) for key, value in day_stats.items()},
        "delivery_day_ci95": {
            key: [_finite(low), _finite(high)] for key, (low, high) in day_intervals.items()
        },
        "delivery_date": {
            key: _date(production.start_date, value) for key, value in day_stats.items()
        },
        "delivery_date_ci95": {
            key: [_date(production.start_date, low), _date(production.start_date, high)]
            for key, (low, high) in day_intervals.items()
        },
        **{key: float(np.mean(hits)) for key, hits in shares.items()},
        **{
            f"{key}_ci95": list(proportion_interval(int(np.sum(hits)), len(hits)))
            for key, hits in shares.items()
        },
        "precision": precision_of(cost, delivery),
        "drivers": drivers_of(results, name),
        "critical": criticality(results, name),
        "cost_by_category": {
            category: float(np.mean(results.column(f"cost_{category}_usd", name)))
            for category in CATEGORIES
        },
        "top_sheet": top_sheet(results, name),
        "contingency_p80": contingency(cost),
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


def top_sheet(results: Results, name: str) -> dict[str, dict[str, float]]:
    """Per top-sheet line, and in total, the mean and percentiles of its cost over replications.

    A line's P80 is the P80 of that line alone: P80s do not add up, so the total's P80 is
    that of the whole cost, not the sum of the lines'.
    """
    lines = {
        line: sum(
            (results.column(f"cost_{category}_usd", name).astype(float) for category in members),
            start=np.zeros(len(results.column("cost_usd", name))),
        )
        for line, members in TOP_SHEET.items()
    }
    lines["total"] = results.column("cost_usd", name).astype(float)
    return {line: percentiles(values) for line, values in lines.items()}


def contingency(cost: np.ndarray) -> dict[str, float]:
    """What a budget set at the median cost must hold in reserve to be met 80% of the time.

    As schedule-risk tools report it (Acumen: the P-value minus the plan), with the median
    cost as the plan: P80 - P50 in money and as a share of P50, to set beside the 10% a
    completion guarantor usually asks for.
    """
    stats = percentiles(cost)
    reserve = stats["p80"] - stats["p50"]
    return {"usd": reserve, "share": reserve / stats["p50"] if stats["p50"] > 0 else 0.0}


def intervals(values: np.ndarray) -> dict[str, tuple[float, float]]:
    """95% confidence intervals of the mean and of the P10/P50/P80/P90 of `values`."""
    found = {"mean": mean_interval(values)}
    for p in PERCENTILES:
        found[f"p{p}"] = quantile_interval(values, p / 100)
    return found


def precision_of(cost: np.ndarray, delivery_day: np.ndarray) -> dict[str, float | None]:
    """Half-widths of the 95% intervals of the P80 cost and P80 delivery, relative to them.

    The delivery's is relative to the P80 duration (days since the start): ±2% of a
    1,000-day production is ±20 days. None when a P80 is never delivered.
    """
    found: dict[str, float | None] = {}
    for key, values in (("cost_p80", cost), ("delivery_p80", delivery_day)):
        estimate = float(np.percentile(values, 80, method="inverted_cdf"))
        width = relative_half_width(quantile_interval(values, 0.8), estimate)
        found[key] = _finite(width)
    return found


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
