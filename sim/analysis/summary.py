"""Per-strategy summaries: percentiles of cost and delivery, confidence of meeting targets.

Percentiles are empirical (numpy's ``inverted_cdf``: an observed value, no interpolation), so a
replication that never delivered (delivery day = infinity) counts as later than any date
without turning the percentile into NaN. P(on time) counts an undelivered film as late, and
P(on budget) as over budget.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable

import numpy as np

from sim.analysis.cash_flow import cash_flow
from sim.analysis.confidence import (
    mean_interval,
    proportion_interval,
    quantile_interval,
    relative_half_width,
)
from sim.analysis.cruciality import track_criticality
from sim.analysis.decision import decide
from sim.analysis.drivers import criticality, drivers_of
from sim.analysis.fallbacks import fallback_values
from sim.analysis.financing import financing_of
from sim.analysis.paired import compare_to
from sim.analysis.records import (
    Contingency,
    DateInterval,
    Driver,
    Drivers,
    Interval,
    OpenInterval,
    Percentiles,
    Precision,
    RunPrecision,
    StrategySummary,
    Summary,
)
from sim.analysis.register import risk_register
from sim.analysis.swing import swings_of
from sim.core.errors import UsageError
from sim.core.units import date_of
from sim.experiment.exposure import Exposures
from sim.experiment.fallback_runs import FallbackRuns
from sim.experiment.results import Results
from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.scenario.sources import SOURCES

PERCENTILES = (10, 50, 70, 80, 90)


def percentiles(values: np.ndarray) -> dict[str, float]:
    """Mean and the P10/P50/P70/P80/P90 of `values` (the mean is infinite if any value is)."""
    values = np.asarray(values, dtype=float)
    found = {"mean": float(np.mean(values))}
    for p in PERCENTILES:
        found[f"p{p}"] = float(np.percentile(values, p, method="inverted_cdf"))
    return found


def summarise(
    results: Results,
    baseline: str | None = None,
    exposures: Exposures | None = None,
    *,
    fallbacks: FallbackRuns | None = None,
) -> Summary:
    """The summary of a run (`Summary.to_json` gives summary.json's data).

    `baseline` is the strategy the others are compared with, pair by pair (the first when
    None); see `sim.analysis.paired`. `exposures` measures the risk register
    (`sim.experiment.exposure.measure`); without it the register is left empty. `fallbacks`
    measures the strategies' fallback rules (`sim.experiment.fallback_runs`); without it
    their values are left out.

    Raises:
        UsageError: `baseline` is not one of the run's strategies.
    """
    production = results.scenario.production
    strategies = {name: summarise_strategy(results, name) for name in results.strategies}
    baseline = results.strategies[0] if baseline is None else baseline
    if baseline not in results.strategies:
        raise UsageError(
            f"unknown baseline '{baseline}'; the run has: " + ", ".join(results.strategies)
        )
    return Summary(
        scenario=production.title,
        seed=results.seed,
        replications=results.replications,
        start_date=production.start_date,
        deadline_date=production.deadline_date,
        budget_usd=production.budget_usd,
        budget_basis=production.budget_basis,
        currency=production.currency,
        financing=production.financing,
        bond_rate=production.bond_rate,
        required_contingency=production.required_contingency,
        strategies=strategies,
        comparison=compare_to(results, baseline),
        precision=RunPrecision(
            cost_p80=_worst(strategy.precision.cost_p80 for strategy in strategies.values()),
            delivery_p80=_worst(
                strategy.precision.delivery_p80 for strategy in strategies.values()
            ),
        ),
        risk_register={} if exposures is None else risk_register(results, exposures),
        cash_flow={name: cash_flow(results, name) for name in results.strategies},
        decision=decide(results),
        fallbacks={} if fallbacks is None else fallback_values(results, fallbacks),
    )


def precise_to(tolerance: float) -> Callable[[Results], bool]:
    """A stopping rule: every strategy's P80 cost and P80 delivery known to ±`tolerance`."""

    def reached(results: Results) -> bool:
        for name in results.strategies:
            cost = results.column("cost_usd", name).astype(float)
            delivery = results.column("delivery_day", name).astype(float)
            precision = precision_of(cost, delivery)
            widths = (precision.cost_p80, precision.delivery_p80)
            if any(width is None or width > tolerance for width in widths):
                return False
        return True

    return reached


def _worst(widths: Iterable[float | None]) -> float | None:
    """The widest of some relative half-widths; None (unknown) wins."""
    found = list(widths)
    known = [width for width in found if width is not None]
    return None if len(known) < len(found) else max(known, default=None)


def summarise_strategy(results: Results, name: str) -> StrategySummary:
    """Summary of one strategy's replications."""
    scenario = results.scenario
    production = scenario.production
    start = production.start_date
    cost = results.column("cost_usd", name).astype(float)
    delivery = results.column("delivery_day", name).astype(float)
    on_time = delivery <= scenario.deadline_day
    # A film not delivered by the horizon is never on budget: its cost stopped at the horizon.
    on_budget = (cost <= production.budget_usd) & np.isfinite(delivery)
    day_stats = percentiles(delivery)
    strategy = scenario.strategies[name]
    policy: str = strategy.shortfall
    if policy == "reshoot":
        policy = f"{strategy.reshoot_on}, then {strategy.reshoot_rest}"
    day_intervals = intervals(delivery)
    delivered, joint = np.isfinite(delivery), on_time & on_budget
    found = drivers_of(results, name)

    def mean(column: str) -> float:
        return float(np.mean(results.column(column, name)))

    return StrategySummary(
        replications=len(cost),
        shortfall_policy=policy,
        cost=Percentiles[float](**percentiles(cost)),
        cost_ci95=Percentiles[Interval](**intervals(cost)),
        delivery_day=Percentiles[float | None](
            **{key: _finite(value) for key, value in day_stats.items()}
        ),
        delivery_day_ci95=Percentiles[OpenInterval](
            **{key: (_finite(low), _finite(high)) for key, (low, high) in day_intervals.items()}
        ),
        delivery_date=Percentiles[dt.date | None](
            **{key: date_of(start, value) for key, value in day_stats.items()}
        ),
        delivery_date_ci95=Percentiles[DateInterval](
            **{
                key: (date_of(start, low), date_of(start, high))
                for key, (low, high) in day_intervals.items()
            }
        ),
        p_delivered=float(np.mean(delivered)),
        p_on_time=float(np.mean(on_time)),
        p_on_budget=float(np.mean(on_budget)),
        p_joint=float(np.mean(joint)),
        p_delivered_ci95=_share_interval(delivered),
        p_on_time_ci95=_share_interval(on_time),
        p_on_budget_ci95=_share_interval(on_budget),
        p_joint_ci95=_share_interval(joint),
        precision=precision_of(cost, delivery),
        drivers=Drivers(
            delivery=tuple(Driver(**driver) for driver in found["delivery"]),
            cost=tuple(Driver(**driver) for driver in found["cost"]),
        ),
        swings=swings_of(results, name),
        critical=criticality(results, name),
        tracks=track_criticality(results, name),
        cost_by_category={category: mean(f"cost_{category}_usd") for category in CATEGORIES},
        top_sheet=top_sheet(results, name),
        contingency_p80=contingency(cost),
        financing=financing_of(results, name),
        planned_by_source={source: mean(f"planned_{source}_minutes") for source in SOURCES},
        minutes_by_source={source: mean(f"minutes_{source}") for source in SOURCES},
        shortfall_minutes=mean("shortfall_minutes"),
        reshot_minutes=mean("reshot_minutes"),
        remade_minutes=mean("remade_minutes"),
        cut_minutes=mean("cut_minutes"),
        real_share=_mean_of_defined(results.column("real_share", name)),
    )


def top_sheet(results: Results, name: str) -> dict[str, Percentiles[float]]:
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
    return {line: Percentiles[float](**percentiles(values)) for line, values in lines.items()}


def contingency(cost: np.ndarray) -> Contingency:
    """What a budget set at the median cost must hold in reserve to be met 80% of the time.

    As schedule-risk tools report it (Acumen: the P-value minus the plan), with the median
    cost as the plan: P80 - P50 in money and as a share of P50, to set beside the 10% a
    completion guarantor usually asks for.
    """
    stats = percentiles(cost)
    reserve = stats["p80"] - stats["p50"]
    return Contingency(usd=reserve, share=reserve / stats["p50"] if stats["p50"] > 0 else 0.0)


def intervals(values: np.ndarray) -> dict[str, Interval]:
    """95% confidence intervals of the mean and of the P10/P50/P70/P80/P90 of `values`."""
    found = {"mean": mean_interval(values)}
    for p in PERCENTILES:
        found[f"p{p}"] = quantile_interval(values, p / 100)
    return found


def precision_of(cost: np.ndarray, delivery_day: np.ndarray) -> Precision:
    """Half-widths of the 95% intervals of the P80 cost and P80 delivery, relative to them.

    The delivery's is relative to the P80 duration (days since the start): ±2% of a
    1,000-day production is ±20 days. None when a P80 is never delivered.
    """
    found: dict[str, float | None] = {}
    for key, values in (("cost_p80", cost), ("delivery_p80", delivery_day)):
        estimate = float(np.percentile(values, 80, method="inverted_cdf"))
        width = relative_half_width(quantile_interval(values, 0.8), estimate)
        found[key] = _finite(width)
    return Precision(**found)


def _share_interval(hits: np.ndarray) -> Interval:
    """Wilson's 95% interval of the share of `hits` that are true."""
    return proportion_interval(int(np.sum(hits)), len(hits))


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _mean_of_defined(values: np.ndarray) -> float | None:
    """Mean over the values that are defined (not NaN); None when none is."""
    values = values.astype(float)
    defined = values[~np.isnan(values)]
    return float(np.mean(defined)) if len(defined) else None
