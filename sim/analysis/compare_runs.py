"""One run against another (`spacesim compare`): deltas, paired when the runs share their draws.

Replication *i* of a run draws its numbers from streams seeded by the master seed and *i* alone
(`sim.core.rng.Streams`; no strategy and no scenario value enters the seed). Two runs with the
same seed and the same number of replications therefore pair up replication by replication:
replication *i* of both faced the same launches, weather and risk draws (common random numbers)
wherever the change between them does not alter how many numbers a stream gives, and the
difference is measured on the pairs, where the noise they share cancels. The pairs are
independent of each other whatever the change, so the paired interval is valid even where a
change shifts a stream's later draws (a distribution made fixed draws nothing); it is then only
less tight.

Runs with another seed or another number of replications share nothing: their difference is
that of two independent samples, and its interval the unpaired one (Welch's, normal), never a
paired one. Delivery differences are taken over the films delivered (pairs where both are, when
paired) and count their days on the calendar, so runs that start on different days line up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from sim.analysis.confidence import Z95, mean_interval
from sim.analysis.records import Summary

#: Statistics of the top sheet a comparison may be read at (`Percentiles` fields).
STATISTICS = ("mean", "p10", "p50", "p70", "p80", "p90")


@dataclass(frozen=True)
class Identity:
    """What decides whether two runs pair up: their seed, replications and spacesim version."""

    seed: int
    replications: int
    version: str | None


@dataclass(frozen=True)
class Pairing:
    """Whether a run pairs with the first run replication by replication, and why in words."""

    paired: bool
    reason: str


def pairing(first: Identity, other: Identity) -> Pairing:
    """Paired when the seeds and the replications agree; the reason names what differs.

    A version that differs leaves the runs paired (the pairs stay independent of one another)
    but is said: the model may draw in another order, so the pairs may share less.
    """
    if first.seed != other.seed:
        return Pairing(
            False,
            f"the seeds differ ({first.seed} and {other.seed}), so the runs drew different "
            "random numbers: the differences are unpaired, with intervals of two independent "
            "samples",
        )
    if first.replications != other.replications:
        return Pairing(
            False,
            f"the replications differ ({first.replications:,} and {other.replications:,}), so "
            "the runs do not pair replication by replication: the differences are unpaired, "
            "with intervals of two independent samples",
        )
    reason = (
        f"same seed ({first.seed}) and replications ({first.replications:,}): replication i "
        "of both drew the same random numbers, so each difference is measured pair by pair"
    )
    if first.version and other.version and first.version != other.version:
        reason += (
            f"; made by different spacesim versions ({first.version}, {other.version}), which "
            "may draw in another order: the intervals hold, but may be wider than they would be"
        )
    return Pairing(True, reason)


@dataclass(frozen=True)
class MeanDelta:
    """A difference of means (other minus first) with its 95% interval; None where unknown.

    `n` is the number of pairs (paired) or the smaller of the two samples (unpaired).
    """

    mean: float | None
    low: float | None
    high: float | None
    n: int
    paired: bool


def paired_delta(first: np.ndarray, other: np.ndarray) -> MeanDelta:
    """Mean of `other - first` pair by pair, with the normal 95% interval of that mean."""
    differences = np.asarray(other, dtype=float) - np.asarray(first, dtype=float)
    if differences.size == 0:
        return MeanDelta(None, None, None, 0, True)
    mean = float(np.mean(differences))
    if differences.size < 2:
        return MeanDelta(mean, None, None, 1, True)
    low, high = mean_interval(differences)
    return MeanDelta(mean, low, high, int(differences.size), True)


def unpaired_delta(first: np.ndarray, other: np.ndarray) -> MeanDelta:
    """Mean of `other` minus mean of `first`, as independent samples (Welch's normal interval)."""
    a, b = np.asarray(first, dtype=float), np.asarray(other, dtype=float)
    n = int(min(a.size, b.size))
    if n == 0:
        return MeanDelta(None, None, None, 0, False)
    mean = float(np.mean(b) - np.mean(a))
    if n < 2:
        return MeanDelta(mean, None, None, n, False)
    half = Z95 * math.sqrt(float(np.var(a, ddof=1)) / a.size + float(np.var(b, ddof=1)) / b.size)
    return MeanDelta(mean, mean - half, mean + half, n, False)


@dataclass(frozen=True)
class StrategyDelta:
    """One strategy in another run minus the first: P50/P80s, joint confidence, means.

    Money in the runs' currency, delivery in calendar days (a P50 or P80 never reached: None),
    `p_joint` in shares (0.05: five points).
    """

    cost_p50_usd: float
    cost_p80_usd: float
    delivery_p50_days: float | None
    delivery_p80_days: float | None
    p_joint: float
    cost_usd: MeanDelta
    delivery_days: MeanDelta


def strategy_delta(
    first: Summary,
    other: Summary,
    name: str,
    cost: tuple[np.ndarray, np.ndarray],
    delivery_day: tuple[np.ndarray, np.ndarray],
    *,
    paired: bool,
) -> StrategyDelta:
    """Strategy `name` of `other` minus that of `first`.

    `cost` and `delivery_day` hold each run's replications of the strategy, in replication
    order (a film never delivered: ``inf``); paired means replication *i* pairs with *i*.
    """
    a, b = first.strategies[name], other.strategies[name]
    offset = float((other.start_date - first.start_date).days)
    day_a = np.asarray(delivery_day[0], dtype=float)
    day_b = np.asarray(delivery_day[1], dtype=float) + offset
    if paired:
        both = np.isfinite(day_a) & np.isfinite(day_b)
        cost_delta = paired_delta(cost[0], cost[1])
        days_delta = paired_delta(day_a[both], day_b[both])
    else:
        cost_delta = unpaired_delta(cost[0], cost[1])
        days_delta = unpaired_delta(day_a[np.isfinite(day_a)], day_b[np.isfinite(day_b)])
    return StrategyDelta(
        cost_p50_usd=b.cost.p50 - a.cost.p50,
        cost_p80_usd=b.cost.p80 - a.cost.p80,
        delivery_p50_days=_day_delta(a.delivery_day.p50, b.delivery_day.p50, offset),
        delivery_p80_days=_day_delta(a.delivery_day.p80, b.delivery_day.p80, offset),
        p_joint=b.p_joint - a.p_joint,
        cost_usd=cost_delta,
        delivery_days=days_delta,
    )


def _day_delta(first: float | None, other: float | None, offset: float) -> float | None:
    if first is None or other is None:
        return None
    return other + offset - first


@dataclass(frozen=True)
class SheetLine:
    """One top-sheet line: the original (first run), the current (other run), the variance.

    `share` is the variance as a share of the original (None when the original is 0).
    """

    line: str
    original_usd: float
    current_usd: float
    variance_usd: float
    share: float | None


def variance_sheet(first: Summary, other: Summary, name: str, statistic: str) -> list[SheetLine]:
    """Strategy `name`'s top sheet at `statistic` (mean, p50, p80...): original, current, variance.

    With the mean the lines add up to the total, and so do their variances; a percentile of a
    line is that line's own, so percentiles do not add up (the total's is that of the cost).

    Raises:
        ValueError: `statistic` is not one of `STATISTICS`.
    """
    if statistic not in STATISTICS:
        raise ValueError(f"statistic {statistic!r} is not one of {', '.join(STATISTICS)}")
    sheet_a, sheet_b = first.strategies[name].top_sheet, other.strategies[name].top_sheet
    lines = []
    for line, percentiles in sheet_a.items():
        original = float(getattr(percentiles, statistic))
        current = float(getattr(sheet_b[line], statistic))
        variance = current - original
        lines.append(
            SheetLine(line, original, current, variance, variance / original if original else None)
        )
    return lines
