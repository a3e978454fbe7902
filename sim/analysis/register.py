"""The measured risk register: per event its hit rate and exposure, per mitigation its benefit.

A schedule-risk tool's register (Safran Risk, Primavera Risk Analysis) lists each risk's owner,
chance and impacts, and rates its exposure as chance times impact; its mitigations are
compared by running the whole model again with them. Here each exposure and each benefit is
measured on the run's own random numbers (`sim.experiment.exposure`): the difference, pair by
pair, between the run and the same replications without the event (or with the mitigation),
so the interaction with the other events and the schedule is in it, and the noise the pairs
share cancels out.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.analysis.confidence import mean_interval
from sim.analysis.records import (
    Difference,
    MitigationBenefit,
    MitigationEntry,
    RiskEntry,
    RiskExposure,
)
from sim.experiment.exposure import Exposures, Measured
from sim.experiment.results import Results
from sim.scenario.dists import DistBase


def risk_register(results: Results, exposures: Exposures) -> dict[str, RiskEntry]:
    """The register of `results`' scenario, in its order, measured by `exposures`."""
    scenario = results.scenario
    found: dict[str, RiskEntry] = {}
    for name, event in scenario.risks.items():
        strategies = exposures.exposed[name]
        base, removed = exposures.base[name], exposures.removed[name]
        exposure = {
            strategy: RiskExposure(
                hit_rate=float(np.mean(results.column(f"risk_{name}", strategy) > 0.5)),
                cost_usd=difference(base.cost_usd[strategy] - removed.cost_usd[strategy]),
                delivery_days=_days(base, removed, strategy),
                undelivered=float(
                    np.mean(
                        ~np.isfinite(base.delivery_day[strategy])
                        & np.isfinite(removed.delivery_day[strategy])
                    )
                ),
            )
            for strategy in strategies
        }
        mitigations = {}
        for listed, mitigation in event.mitigations.items():
            without, bought = exposures.without[name][listed], exposures.bought[name][listed]
            mitigations[listed] = MitigationEntry(
                description=mitigation.description,
                source=mitigation.source,
                bought=event.mitigation == listed,
                cost_usd=float(np.mean(exposures.mitigation_usd[name][listed])),
                probability=mitigation.probability,
                delay_factor=mitigation.delay_factor,
                cost_factor=mitigation.cost_factor,
                benefit={s: benefit(without, bought, s) for s in strategies},
            )
        reruns = removed.reruns + sum(
            exposures.without[name][m].reruns + exposures.bought[name][m].reruns
            for m in event.mitigations
        )
        found[name] = RiskEntry(
            description=event.description,
            owner=event.owner,
            hits=event.hits,
            effect=event.effect,
            probability=event.chance,
            delay_days=_plain(event.delay_days),
            cost_usd=_plain(event.cost_usd),
            source=event.source,
            occurred=float(np.mean(exposures.occurred[name])),
            exposure=exposure,
            mitigations=mitigations,
            reruns=reruns,
        )
    return found


def benefit(without: Measured, bought: Measured, strategy: str) -> MitigationBenefit:
    """A mitigation's benefit for `strategy`: the outcome without it minus with it."""
    cost = difference(without.cost_usd[strategy] - bought.cost_usd[strategy])
    low, high = cost.ci95
    pays = "unclear"
    if low is not None and low > 0:
        pays = "yes"
    elif high is not None and high <= 0:
        pays = "no"
    return MitigationBenefit(
        cost_usd=cost, delivery_days=_days(without, bought, strategy), pays_for_itself=pays
    )


def _days(first: Measured, second: Measured, strategy: str) -> Difference:
    """First minus second delivery day, over the pairs where both delivered."""
    a, b = first.delivery_day[strategy], second.delivery_day[strategy]
    both = np.isfinite(a) & np.isfinite(b)
    return difference(a[both] - b[both])


def difference(values: np.ndarray) -> Difference:
    """The mean of paired differences and its 95% interval (exact when every pair agrees)."""
    if values.size == 0:
        return Difference(mean=None, ci95=(None, None), pairs=0)
    mean = float(np.mean(values))
    if np.all(values == values[0]):  # no spread: the interval is the value (no rounding noise)
        low = high = mean
    else:
        low, high = mean_interval(values)
    return Difference(
        mean=mean,
        ci95=(low if math.isfinite(low) else None, high if math.isfinite(high) else None),
        pairs=int(values.size),
    )


def _plain(dist: DistBase) -> dict[str, Any]:
    """A distribution as the scenario gives it, its source left out."""
    data: dict[str, Any] = dist.model_dump(mode="json", exclude_none=True)
    data.pop("source", None)
    return data
