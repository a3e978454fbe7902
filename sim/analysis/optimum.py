"""What the optimiser weighs a candidate by, and the study that finds the best strategies.

A candidate's objectives are its P80 whole-film cost (``cost_usd``, minimised), its P80
delivery day (minimised; a P80 film not delivered by the horizon counts as delivered at it,
so that the sampler can still compare two such candidates) and its mean real share of the
space scenes (maximised). Its constraints are the scenario's targets
(`sim.analysis.decision.check_targets`), each missed by its shortfall: how far it is missed as
a share of what was wanted (`TargetCheck.shortfall`), a number that grows with the miss, so
that the sampler can tell a near miss from a far one; a target met counts 0.

Beside them the score keeps what the report shows of a finalist: the 95% intervals of the P80s
(order statistics, `sim.analysis.confidence.quantile_interval`), of the mean real share
(normal) and of the chance of meeting date and budget together (Wilson's).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.analysis.confidence import mean_interval, proportion_interval, quantile_interval
from sim.analysis.decision import chances_of, check_targets
from sim.experiment.optimise import run_study
from sim.experiment.results import Results
from sim.experiment.study import Measure, Objectives, Study
from sim.scenario.schema import Scenario

#: The optimiser's objectives; the first is what a search without ``front`` minimises.
OBJECTIVES = Objectives(
    names=("p80_cost_usd", "p80_delivery_day", "mean_real_share"),
    directions=("minimize", "minimize", "maximize"),
)
#: A target missed counts at least this much, so that a miss too small to show is still one.
LEAST_MISS = 1e-6


def score(results: Results, name: str) -> Measure:
    """Strategy `name`'s objectives, target misses and reported numbers (module docstring)."""
    scenario = results.scenario
    cost = results.column("cost_usd", name).astype(float)
    delivery = results.column("delivery_day", name).astype(float)
    shares = results.column("real_share", name).astype(float)
    shares = shares[~np.isnan(shares)]
    p80_cost = _p80(cost)
    p80_day = _p80(delivery)
    mean_share = float(np.mean(shares)) if shares.size else 0.0
    cost_low, cost_high = quantile_interval(cost, 0.8)
    day_low, day_high = quantile_interval(delivery, 0.8)
    share_low, share_high = mean_interval(shares) if shares.size else (0.0, 0.0)
    chances = chances_of(results, name)
    joint = chances["joint_confidence"]
    joint_low, joint_high = proportion_interval(round(joint * cost.size), cost.size)
    constraints: dict[str, float] = {}
    metrics: dict[str, float | None] = {
        "p50_cost_usd": float(np.percentile(cost, 50, method="inverted_cdf")),
        "p80_cost_usd": p80_cost,
        "p80_cost_low_usd": cost_low,
        "p80_cost_high_usd": cost_high,
        "p80_delivery_day": _finite(p80_day),
        "p80_delivery_low_day": _finite(day_low),
        "p80_delivery_high_day": _finite(day_high),
        "mean_real_share": mean_share,
        "mean_real_share_low": share_low,
        "mean_real_share_high": share_high,
        "p_joint": joint,
        "p_joint_low": joint_low,
        "p_joint_high": joint_high,
        "mean_cut_minutes": float(np.mean(results.column("cut_minutes", name))),
    }
    for check in check_targets(results, name):
        constraints[check.target] = 0.0 if check.met else max(check.shortfall, LEAST_MISS)
        metrics[f"target.{check.target}"] = check.achieved if check.level is None else check.reached
    horizon = scenario.simulation.horizon_days
    objectives = (p80_cost, min(p80_day, horizon), mean_share)
    return Measure(objectives=objectives, constraints=constraints, metrics=metrics)


def optimise(scenario: Scenario, **options: Any) -> Study:
    """Search `scenario` for its cheapest strategy at P80 that meets its targets, and the front.

    `options` are those of `sim.experiment.optimise.run_study` (trials, replications,
    final_replications, seed, front, batch, jobs, dask, progress).

    Raises:
        UsageError: bad numbers of trials, replications or jobs, or a bad seed.
    """
    return run_study(scenario, score=score, objectives=OBJECTIVES, **options)


def verdict(study: Study) -> str:
    """One sentence: the best strategy found, or that none meets the targets and the nearest."""
    currency = study.scenario.production.currency
    finals = [f for f in study.finalists if not isinstance(f.final, str)]
    if not finals:
        return "No finalist could be simulated; see trials.csv for why."
    best = finals[0]
    final = best.final
    assert not isinstance(final, str)
    cost = f"P80 cost {final.objectives[0] / 1e6:,.1f} M {currency}"
    own = ", the scenario's own strategy," if best.role == "shipped" else ","
    if final.feasible:
        targets = " and meets every target" if final.constraints else ""
        return (
            f"Best: {best.label}{own} {cost} on {study.final_replications:,} fresh"
            f" replications{targets}."
        )
    misses = ", ".join(
        f"{target} by {value:.0%}" for target, value in final.constraints.items() if value > 0
    )
    where = "in the search" if not study.any_feasible else "once rerun"
    return (
        f"No candidate meets every target {where}. Nearest: {best.label}{own} {cost}; it misses"
        f" {misses} (each as a share of what was wanted)."
    )


def _p80(values: np.ndarray) -> float:
    return float(np.percentile(values, 80, method="inverted_cdf"))


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
