"""Drivers in days and dollars: how far each input moves the P50 and P80 of cost and delivery.

As the "change in output statistic" tornado of @RISK and the schedule-risk tools (Acumen's
risk drivers in days and currency): for a continuous input, the replications with the input at
or below its 10th percentile are set against those at or above its 90th, and the bar is the
change of the output's P50 (and P80) between the two groups: days for delivery, money for
cost. An all-or-nothing input (a risk event, lost footage: a column of two values) is not cut
into deciles: its effect is the output when it happens minus when it does not, shown apart
with how often it happened, so a rare cancellation does not masquerade as a continuous driver.

An input whose 10th and 90th percentiles coincide (a count that is mostly 0) is split at that
value: replications above it against those at or below. Inputs are those the tornado ranks
(`sim.analysis.drivers.driver_columns`: sampled inputs, counts of trouble, risk events;
consequences are left out), and only those whose rank correlation with the output is beyond
noise (the tornado's test, `sim.analysis.drivers.beyond_noise`) are kept, so thirty risk events
without effect add no bar. The continuous inputs are measured over the replications in which
none of the events kept happened: a cancelled segment has no days aboard, and would otherwise
make "days aboard" look like a driver of an earlier, cheaper film.
"""

from __future__ import annotations

import math

import numpy as np

from sim.analysis.drivers import beyond_noise, driver_columns, spearman
from sim.analysis.records import Effect, Effects, Swing, Swings
from sim.experiment.results import Results

#: Bars kept per output and kind (continuous inputs, events).
TOP = 10
#: Fewest replications in either group for a swing to be computed.
MIN_GROUP = 5
#: The outputs, by the key summary.json gives their swings.
OUTPUTS = {"delivery_days": "delivery_day", "cost_usd": "cost_usd"}


def _stat(values: np.ndarray, p: int) -> float:
    return float(np.percentile(values, p, method="inverted_cdf"))


def _change(high: np.ndarray, low: np.ndarray, p: int) -> float | None:
    """The P`p` of `high` minus that of `low`; None where one is infinite (never delivered)."""
    change = _stat(high, p) - _stat(low, p)
    return change if math.isfinite(change) else None


def groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float] | None:
    """The low and high groups of an input (masks) and their bounds; None if it cannot split.

    Deciles when the input's P10 is below its P90; otherwise the replications above the value
    both share, against those at or below it.
    """
    low_bound, high_bound = _stat(values, 10), _stat(values, 90)
    if low_bound < high_bound:
        low, high = values <= low_bound, values >= high_bound
    else:
        low, high = values <= low_bound, values > low_bound
    if low.sum() < MIN_GROUP or high.sum() < MIN_GROUP:
        return None
    return low, high, low_bound, high_bound


def is_event(values: np.ndarray) -> bool:
    """An all-or-nothing input: exactly two values (0 and 1 for a risk event or a flag)."""
    return np.unique(values).size == 2


def effects_on(results: Results, strategy: str, target: str, top: int = TOP) -> Effects:
    """Swings of the continuous inputs and effects of the events on `target`, largest first.

    Events are measured over every replication; continuous inputs over the replications in
    which none of the events kept happened, so that (say) the days aboard of a segment that
    was cancelled do not read as "fewer days aboard, earlier delivery".
    """
    outcome = results.column(target, strategy).astype(float)
    columns = {}
    for name in driver_columns(results):
        values = results.column(name, strategy).astype(float)
        known = ~np.isnan(values)
        if known.sum() >= 3 and np.ptp(values[known]) > 0:
            columns[name] = values
    tested = len(columns)
    events: list[Effect] = []
    base = np.ones(outcome.size, dtype=bool)
    for name, values in columns.items():
        if not is_event(values[~np.isnan(values)]):
            continue
        happened = values == np.nanmax(values)
        effect = _event(name, happened, outcome, tested)
        if effect is not None:
            events.append(effect)
            base &= ~happened
    inputs: list[Swing] = []
    for name, values in columns.items():
        use = base & ~np.isnan(values)
        if is_event(values[~np.isnan(values)]) or use.sum() < 3:
            continue
        swing = _swing(name, values[use], outcome[use], tested)
        if swing is not None:
            inputs.append(swing)
    return Effects(
        inputs=tuple(sorted(inputs, key=_size, reverse=True)[:top]),
        events=tuple(sorted(events, key=_size, reverse=True)[:top]),
    )


def _event(name: str, happened: np.ndarray, y: np.ndarray, tested: int) -> Effect | None:
    """An event's effect on `y`, if it happened and did not often enough and beyond noise."""
    if happened.sum() < MIN_GROUP or (~happened).sum() < MIN_GROUP:
        return None
    if not beyond_noise(spearman(happened.astype(float), y), y.size, tested):
        return None
    return Effect(
        driver=name,
        share=float(np.mean(happened)),
        p50=_change(y[happened], y[~happened], 50),
        p80=_change(y[happened], y[~happened], 80),
    )


def _swing(name: str, x: np.ndarray, y: np.ndarray, tested: int) -> Swing | None:
    """A continuous input's decile swing of `y`, if it splits and moves `y` beyond noise."""
    split = groups(x)
    if split is None or np.ptp(x) == 0:
        return None
    if not beyond_noise(spearman(x, y), x.size, tested):
        return None
    low, high, low_bound, high_bound = split
    return Swing(
        driver=name,
        low=low_bound,
        high=high_bound,
        p50=_change(y[high], y[low], 50),
        p80=_change(y[high], y[low], 80),
    )


def _size(item: Swing | Effect) -> float:
    """How big a bar is: its larger change, an unknown one (never delivered) largest."""
    return max(math.inf if change is None else abs(change) for change in (item.p50, item.p80))


def swings_of(results: Results, strategy: str, top: int = TOP) -> Swings:
    """The days-and-dollars drivers of a strategy's delivery and cost."""
    return Swings(
        **{key: effects_on(results, strategy, column, top) for key, column in OUTPUTS.items()}
    )
