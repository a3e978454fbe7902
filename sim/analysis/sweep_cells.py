"""A sweep's cell summarised: every strategy's metrics with their 95% intervals, and the decision.

As `spacesim run` summarises a run (`sim.analysis.summary`): empirical percentiles, an
undelivered film later than any date (a delivery percentile never delivered has no value,
None), P(on time) counting it late and P(on budget) over budget; the scenario's targets
(`sim.analysis.decision.check_targets`) and the strategy recommended
(`sim.analysis.decision.decide`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sim.analysis.confidence import mean_interval, proportion_interval, quantile_interval
from sim.analysis.decision import check_targets, decide
from sim.experiment.results import Results
from sim.experiment.sweep import Cell

#: The metrics of every cell and strategy, and what each is (cost in the scenario's currency).
METRICS: dict[str, str] = {
    "cost_p50_usd": "median whole-film cost",
    "cost_p80_usd": "cost 80% of replications come in at or below",
    "delivery_p50_day": "median delivery, days after the start (none: not delivered)",
    "delivery_p80_day": "delivery day 80% of replications reach (none: not delivered)",
    "p_delivered": "chance the film is delivered within the horizon",
    "p_on_time": "chance of delivery by the deadline",
    "p_on_budget": "chance the cost is within the budget (an undelivered film is not)",
    "p_joint": "chance of both, on time and on budget",
    "real_share": "mean share of the space scenes' minutes obtained real",
    "meets_targets": "1 when the strategy meets every target of the scenario, else 0",
    "target_distance": "how far from meeting every target (0: meets them)",
    "recommended": "1 for the strategy the decision recommends in this cell, else 0",
}
#: Per target the scenario sets, two metrics more: ``target.<name>.achieved`` and ``.met``.
TARGET_METRICS = ("achieved", "met")


@dataclass(frozen=True)
class Estimate:
    """A number and its 95% confidence interval (None where it has none)."""

    value: float | None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class CellSummary:
    """One cell: its values, every strategy's metrics, and the decision in it."""

    index: int
    values: dict[str, Any]
    metrics: dict[str, dict[str, Estimate]]
    recommended: str | None
    meeting: tuple[str, ...]
    nearest: bool
    reason: str
    #: The targets the cell's scenario sets, by key; empty: none.
    targets: dict[str, float] = field(default_factory=dict)

    @property
    def targeted(self) -> bool:
        """Whether the cell's scenario sets any target (else the lowest P80 cost decides)."""
        return bool(self.targets)


def summarise_cell(cell: Cell, results: Results) -> CellSummary:
    """Every strategy's metrics in one cell, and the decision there."""
    decision = decide(results)
    metrics = {}
    for name in results.strategies:
        found = _metrics(results, name)
        checks = check_targets(results, name)
        found["meets_targets"] = Estimate(float(all(check.met for check in checks)))
        found["target_distance"] = Estimate(decision.distance.get(name, 0.0))
        found["recommended"] = Estimate(float(name == decision.recommended))
        for check in checks:
            found[f"target.{check.target}.achieved"] = Estimate(check.achieved)
            found[f"target.{check.target}.met"] = Estimate(float(check.met))
        metrics[name] = found
    return CellSummary(
        index=cell.index,
        values=dict(cell.values),
        metrics=metrics,
        recommended=decision.recommended,
        meeting=decision.meeting,
        nearest=decision.nearest,
        reason=decision.reason,
        targets=dict(decision.targets),
    )


def _metrics(results: Results, name: str) -> dict[str, Estimate]:
    """The percentiles, chances and real share of one strategy, with their 95% intervals."""
    cost = results.column("cost_usd", name).astype(float)
    delivery = results.column("delivery_day", name).astype(float)
    found = {
        "cost_p50_usd": _quantile(cost, 0.5),
        "cost_p80_usd": _quantile(cost, 0.8),
        "delivery_p50_day": _quantile(delivery, 0.5),
        "delivery_p80_day": _quantile(delivery, 0.8),
        "p_delivered": _share(np.isfinite(delivery)),
    }
    scenario = results.scenario
    on_time = delivery <= scenario.deadline_day
    on_budget = (cost <= scenario.production.budget_usd) & np.isfinite(delivery)
    found["p_on_time"] = _share(on_time)
    found["p_on_budget"] = _share(on_budget)
    found["p_joint"] = _share(on_time & on_budget)
    shares = results.column("real_share", name).astype(float)
    defined = shares[~np.isnan(shares)]
    if defined.size:
        low, high = mean_interval(defined)
        found["real_share"] = Estimate(float(np.mean(defined)), low, high)
    else:
        found["real_share"] = Estimate(None)
    return found


def _quantile(values: np.ndarray, q: float) -> Estimate:
    value = float(np.percentile(values, q * 100, method="inverted_cdf"))
    low, high = quantile_interval(values, q)
    return Estimate(_finite(value), _finite(low), _finite(high))


def _share(hits: np.ndarray) -> Estimate:
    low, high = proportion_interval(int(np.sum(hits)), len(hits))
    return Estimate(float(np.mean(hits)), low, high)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
