"""One run against another: paired when seed and replications agree, else unpaired; top sheet."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.analysis.compare_runs import (
    Identity,
    paired_delta,
    pairing,
    strategy_delta,
    unpaired_delta,
    variance_sheet,
)
from sim.analysis.confidence import Z95
from sim.analysis.summary import summarise
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

REPS = 12
#: The overhead's day rate in run A and in run B: B costs 10,000 a day more, nothing else.
RATE_A, RATE_B = 25_000, 35_000


def _run(rate: float, seed: int = 3) -> Results:
    data = tiny_data()
    data["production"]["overhead_usd_per_day"] = rate
    return run_experiment(scenario_from_data(data), replications=REPS, seed=seed, jobs=1)


@pytest.fixture(scope="module")
def runs() -> tuple[Results, Results, Results]:
    """The tiny film at two overhead rates with one seed, and the second with another seed."""
    return _run(RATE_A), _run(RATE_B), _run(RATE_B, seed=4)


def _delta(first: Results, other: Results, name: str, *, paired: bool):
    return strategy_delta(
        summarise(first),
        summarise(other),
        name,
        (first.column("cost_usd", name), other.column("cost_usd", name)),
        (first.column("delivery_day", name), other.column("delivery_day", name)),
        paired=paired,
    )


def test_a_cost_input_changed_under_one_seed_pairs_exactly(runs) -> None:
    """Only the overhead rate changes: delivery differs by 0 days exactly, with no width.

    The cost differs by 10,000 a day of each replication's own duration, and its interval is
    that of those amounts taken replication by replication.
    """
    first, other, _ = runs
    for name in first.strategies:
        delta = _delta(first, other, name, paired=True)
        assert delta.delivery_days.mean == 0
        assert (delta.delivery_days.low, delta.delivery_days.high) == (0, 0)
        assert (delta.delivery_p50_days, delta.delivery_p80_days) == (0, 0)
        days = first.column("delivery_day", name).astype(float)
        ended = np.where(np.isfinite(days), days, first.scenario.simulation.horizon_days)
        extra = (RATE_B - RATE_A) * ended
        half = Z95 * float(np.std(extra, ddof=1)) / math.sqrt(REPS)
        assert (delta.cost_usd.paired, delta.cost_usd.n) == (True, REPS)
        assert delta.cost_usd.mean == pytest.approx(float(np.mean(extra)), rel=1e-9)
        assert delta.cost_usd.low == pytest.approx(float(np.mean(extra)) - half, rel=1e-6)
        assert delta.cost_usd.high == pytest.approx(float(np.mean(extra)) + half, rel=1e-6)


def test_runs_with_different_seeds_are_unpaired(runs) -> None:
    """Another seed: not paired, and the intervals are Welch's of two independent samples."""
    first, _, other = runs
    found = pairing(Identity(3, REPS, "0.1"), Identity(4, REPS, "0.1"))
    assert not found.paired
    assert "the seeds differ (3 and 4)" in found.reason
    name = first.strategies[0]
    delta = _delta(first, other, name, paired=False)
    a, b = first.column("cost_usd", name), other.column("cost_usd", name)
    half = Z95 * math.sqrt(np.var(a, ddof=1) / a.size + np.var(b, ddof=1) / b.size)
    assert not delta.cost_usd.paired
    assert delta.cost_usd.mean == pytest.approx(float(np.mean(b) - np.mean(a)))
    assert delta.cost_usd.high - delta.cost_usd.low == pytest.approx(2 * half)


def test_pairing_needs_the_same_seed_and_replications() -> None:
    """Same seed and replications pair; other replications do not; a version is only said."""
    assert pairing(Identity(7, 30, "0.1"), Identity(7, 30, "0.1")).paired
    fewer = pairing(Identity(7, 30, "0.1"), Identity(7, 10, "0.1"))
    assert not fewer.paired
    assert "replications differ (30 and 10)" in fewer.reason
    newer = pairing(Identity(7, 30, "0.1"), Identity(7, 30, "0.2"))
    assert newer.paired
    assert "different spacesim versions (0.1, 0.2)" in newer.reason


def test_paired_and_unpaired_deltas_by_hand() -> None:
    """Pairs (1,2), (2,4), (3,6): differences 1, 2, 3, mean 2, sd 1; unpaired sd^2 1 and 4."""
    paired = paired_delta(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]))
    assert paired.mean == 2.0
    assert paired.high - 2.0 == pytest.approx(Z95 / math.sqrt(3))
    unpaired = unpaired_delta(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0]))
    assert unpaired.mean == 2.0
    assert unpaired.high - 2.0 == pytest.approx(Z95 * math.sqrt(1 / 3 + 4 / 3))
    assert paired_delta(np.array([]), np.array([])).mean is None
    assert paired_delta(np.array([1.0]), np.array([3.0])).low is None  # one pair: no interval


def test_the_variance_top_sheet_adds_up_at_the_mean(runs) -> None:
    """At the mean the lines' variances sum to the total's; the overhead line carries it all."""
    first, other, _ = runs
    a, b = summarise(first), summarise(other)
    for name in first.strategies:
        lines = {line.line: line for line in variance_sheet(a, b, name, "mean")}
        total = lines.pop("total")
        assert sum(line.variance_usd for line in lines.values()) == pytest.approx(
            total.variance_usd, rel=1e-9
        )
        assert sum(line.original_usd for line in lines.values()) == pytest.approx(
            total.original_usd, rel=1e-9
        )
        assert lines["overhead"].variance_usd == pytest.approx(total.variance_usd, rel=1e-9)
        assert lines["overhead"].share == pytest.approx((RATE_B - RATE_A) / RATE_A)
        assert total.current_usd == b.strategies[name].top_sheet["total"].mean
    p80 = variance_sheet(a, b, first.strategies[0], "p80")
    assert p80[-1].original_usd == a.strategies[first.strategies[0]].top_sheet["total"].p80
    with pytest.raises(ValueError, match="statistic 'p99' is not one of"):
        variance_sheet(a, b, first.strategies[0], "p99")


def test_delivery_differences_count_calendar_days_when_the_starts_differ(runs) -> None:
    """A run starting 100 days later: its deltas are on the calendar, as its dates are."""
    first = runs[0]
    data = tiny_data()
    data["production"] |= {"start_date": "2027-04-14", "deadline_date": "2029-04-14"}
    later = run_experiment(scenario_from_data(data), replications=REPS, seed=3, jobs=1)
    a, b = summarise(first), summarise(later)
    checked = 0
    for name in first.strategies:
        delta = strategy_delta(
            a,
            b,
            name,
            (first.column("cost_usd", name), later.column("cost_usd", name)),
            (first.column("delivery_day", name), later.column("delivery_day", name)),
            paired=True,
        )
        dates = a.strategies[name].delivery_date.p50, b.strategies[name].delivery_date.p50
        if None in dates or delta.delivery_p50_days is None:
            continue
        assert delta.delivery_p50_days == pytest.approx((dates[1] - dates[0]).days, abs=1)
        checked += 1
    assert checked
