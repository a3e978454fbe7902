"""The decision: which strategies meet the film's targets, and which one to choose.

A scenario's targets (`sim.scenario.targets`) are checked against each strategy's
replications. A real-share target (overall, or of one scene kind) is met when at least
`real_share_confidence` of the replications reach the share wanted; a confidence target
(joint, on time, on budget) when the strategy's chance reaches it, counted as the summary
counts it (`sim.analysis.summary`: a film never delivered is late and over budget).

The strategy recommended is the cheapest at P80 (whole-film cost) among those meeting every
target. When none meets them all it is the nearest: the one whose misses, each a share of what
was wanted, have the smallest Euclidean norm (`distance`), the cheaper at P80 on a tie. Each
miss is measured in what the target asks: a confidence target by the chance it lacks, a
real-share target by the real share the confidence share of replications lacks (a strategy
whose median film is 52% real misses 85% by 33 points, a third of 85% wanted, however few of
its replications reach 85%). A scenario with no targets keeps the rule it had before them:
the lowest P80 cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from sim.analysis.records import CheckedTarget, Decision
from sim.experiment.results import REAL_SHARE_BY_KIND, Results
from sim.scenario.quantities import SPACE_KINDS
from sim.scenario.targets import CONFIDENCE_TARGETS, Targets

#: A real share this close below the share wanted reaches it: 35 x 0.6 / 35 may round below 0.6.
SHARE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class TargetCheck:
    """One target against one strategy's replications.

    `wanted` and `achieved` are in the target's own units: chances for a confidence target; for
    a real-share target, the share of replications reaching the real share wanted (`level`),
    against `real_share_confidence`. `gap` is how far `achieved` falls short (0 when met).
    For a real-share target, `reached` is the real share at least `wanted` of the replications
    reach (met exactly when it is at least `level`) and `mean` the mean real share.
    """

    target: str
    wanted: float
    achieved: float
    met: bool
    gap: float
    level: float | None = None
    reached: float | None = None
    mean: float | None = None

    @property
    def shortfall(self) -> float:
        """The miss as a share of what was wanted, 0 when met (see `distance`).

        A real-share target's is in real share (level minus reached, over level), a
        confidence target's in chance (gap over wanted).
        """
        if self.met:
            return 0.0
        if self.level is not None:
            reached = 0.0 if self.reached is None else self.reached
            return max(0.0, self.level - reached) / self.level
        return self.gap / self.wanted


def check_targets(results: Results, name: str) -> tuple[TargetCheck, ...]:
    """Every target of the scenario against strategy `name`; empty when it sets none.

    In order: the overall real share, the real share of each space scene kind (in the
    scenario's order of kinds), then joint, on-time and on-budget confidence.
    """
    targets = results.scenario.targets
    if targets is None:
        return ()
    found: list[TargetCheck] = []
    confidence = targets.real_share_confidence
    if targets.real_share is not None:
        values = results.column("real_share", name).astype(float)
        found.append(_real_share("real_share", values, targets.real_share, confidence))
    for kind in SPACE_KINDS:
        level = targets.real_share_by_kind.get(kind)
        if level is not None:
            values = results.column(REAL_SHARE_BY_KIND[kind], name).astype(float)
            found.append(_real_share(f"real_share.{kind}", values, level, confidence))
    chances = chances_of(results, name)
    for key in CONFIDENCE_TARGETS:
        wanted = getattr(targets, key)
        if wanted is not None:
            achieved = chances[key]
            found.append(
                TargetCheck(
                    target=key,
                    wanted=wanted,
                    achieved=achieved,
                    met=achieved >= wanted,
                    gap=max(0.0, wanted - achieved),
                )
            )
    return tuple(found)


def chances_of(results: Results, name: str) -> dict[str, float]:
    """P(on time and on budget), P(on time), P(on budget), keyed by their target.

    Counted as `sim.analysis.summary.summarise_strategy` counts them: a film not delivered by
    the horizon is late, and never on budget (its cost stopped at the horizon).
    """
    scenario = results.scenario
    cost = results.column("cost_usd", name).astype(float)
    delivery = results.column("delivery_day", name).astype(float)
    on_time = delivery <= scenario.deadline_day
    on_budget = (cost <= scenario.production.budget_usd) & np.isfinite(delivery)
    return {
        "joint_confidence": float(np.mean(on_time & on_budget)),
        "on_time_confidence": float(np.mean(on_time)),
        "on_budget_confidence": float(np.mean(on_budget)),
    }


def _real_share(target: str, values: np.ndarray, level: float, confidence: float) -> TargetCheck:
    """A real-share target: the share of replications reaching `level`, against `confidence`.

    A replication without a real share (NaN: none of those minutes scripted) reaches nothing.
    `reached` is the k-th largest real share, k = ceil(confidence x n): at least `confidence`
    of the replications reach it, so the target is met exactly when it is at least `level`.
    """
    shares = np.where(np.isnan(values), -math.inf, values)
    achieved = float(np.mean(shares >= level - SHARE_TOLERANCE)) if shares.size else 0.0
    ordered = np.sort(shares)[::-1]
    k = max(1, math.ceil(confidence * shares.size - 1e-9))
    reached = float(ordered[k - 1]) if shares.size >= k else -math.inf
    defined = values[~np.isnan(values)]
    return TargetCheck(
        target=target,
        wanted=confidence,
        achieved=achieved,
        met=achieved >= confidence,
        gap=max(0.0, confidence - achieved),
        level=level,
        reached=reached if math.isfinite(reached) else None,
        mean=float(np.mean(defined)) if defined.size else None,
    )


def distance(checks: tuple[TargetCheck, ...]) -> float:
    """How far a strategy is from meeting every target: the Euclidean norm of its shortfalls.

    Each miss counts as a share of what was wanted (`TargetCheck.shortfall`), so ten points
    short of 85% real and eight points short of 80% joint confidence weigh about alike; 0 when
    every target is met.
    """
    return math.sqrt(sum(check.shortfall**2 for check in checks))


def p80_cost(results: Results, name: str) -> float:
    """A strategy's P80 whole-film cost, as the summary reads it (an observed cost)."""
    cost = results.column("cost_usd", name).astype(float)
    return float(np.percentile(cost, 80, method="inverted_cdf"))


def decide(results: Results) -> Decision:
    """The strategies meeting every target and the one recommended (see the module's rule)."""
    targets = results.scenario.targets
    names = results.strategies
    costs = {name: p80_cost(results, name) for name in names}
    checks = {name: check_targets(results, name) for name in names}
    distances = {name: distance(found) for name, found in checks.items()}
    meeting = tuple(name for name in names if all(check.met for check in checks[name]))
    currency = results.scenario.production.currency
    if not names:
        return Decision(targets=_set(targets), meeting=(), recommended=None, reason="")
    if targets is None or not targets.any:
        chosen = min(names, key=costs.__getitem__)
        reason = (
            f"the scenario sets no targets, so the lowest P80 cost decides"
            f" ({costs[chosen] / 1e6:,.1f} M {currency}); a targets section weighs real footage"
            " and confidence too (docs/how-to/set-targets.md)."
        )
    elif meeting:
        chosen = min(meeting, key=costs.__getitem__)
        among = (
            f"the cheapest of the {len(meeting)} that do" if len(meeting) > 1 else "the only one"
        )
        reason = (
            f"it meets every target, {among}, at a P80 cost of {costs[chosen] / 1e6:,.1f} M"
            f" {currency}."
        )
    else:
        chosen = min(names, key=lambda name: (distances[name], costs[name]))
        misses = "; ".join(miss_text(check) for check in checks[chosen] if not check.met)
        reason = (
            f"no strategy meets every target; it is the nearest (distance"
            f" {distances[chosen]:.2f}), at a P80 cost of {costs[chosen] / 1e6:,.1f} M"
            f" {currency}, and misses {misses}."
        )
    return Decision(
        targets=_set(targets),
        meeting=meeting if targets is not None and targets.any else (),
        recommended=chosen,
        nearest=bool(targets is not None and targets.any and not meeting),
        reason=reason,
        p80_cost_usd=costs,
        distance=distances,
        checks={name: tuple(_record(check) for check in found) for name, found in checks.items()},
    )


def miss_text(check: TargetCheck) -> str:
    """A target missed in words: what was reached against what was wanted, and by how much."""
    if check.level is not None:
        reached = 0.0 if check.reached is None else check.reached
        who = (
            "the median replication"
            if abs(check.wanted - 0.5) < 1e-12
            else f"{check.wanted:.0%} of replications"
        )
        return (
            f"{check.target}: {reached:.0%} real against {check.level:.0%} wanted"
            f" ({_points(check.level - reached)} short at {who}; {check.achieved:.0%}"
            f" of replications reach {check.level:.0%})"
        )
    return (
        f"{check.target}: {CONFIDENCE_TARGETS[check.target]} {check.achieved:.0%} against"
        f" {check.wanted:.0%} wanted ({_points(check.gap)} short)"
    )


def _points(share: float) -> str:
    """A difference of shares in percentage points: 33 points, 0.4 points."""
    points = share * 100
    return f"{points:.0f} points" if points >= 9.95 else f"{points:.1f} points"


def _set(targets: Targets | None) -> dict[str, float]:
    """The targets set, by their key path (targets.real_share_by_kind.<kind> per kind)."""
    if targets is None or not targets.any:
        return {}
    found: dict[str, float] = {}
    if targets.real_share is not None:
        found["real_share"] = targets.real_share
    for kind in SPACE_KINDS:
        if kind in targets.real_share_by_kind:
            found[f"real_share.{kind}"] = targets.real_share_by_kind[kind]
    if targets.real_share_targets:
        found["real_share_confidence"] = targets.real_share_confidence
    for key in CONFIDENCE_TARGETS:
        if (value := getattr(targets, key)) is not None:
            found[key] = value
    return found


def _record(check: TargetCheck) -> CheckedTarget:
    return CheckedTarget(
        target=check.target,
        wanted=check.wanted,
        achieved=check.achieved,
        met=check.met,
        gap=check.gap,
        level=check.level,
        reached=check.reached,
        mean=check.mean,
    )
