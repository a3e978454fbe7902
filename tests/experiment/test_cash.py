"""The cash flow's arrays: spend by calendar month, money committed by each month's end."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sim.analysis.cash_flow import bands, cash_flow, cash_flow_rows
from sim.experiment import runner
from sim.experiment.cash import COMMITTED, SPEND, by_month, month_bounds, month_starts
from sim.experiment.runner import run_experiment
from sim.model.ledger import Entry


def test_months_are_calendar_months_from_the_start(tiny_scenario) -> None:
    """Start 2027-01-04: month 0 is January (28 days of it), month 1 starts on day 28."""
    starts = month_starts(tiny_scenario)
    assert starts[:3] == [dt.date(2027, 1, 1), dt.date(2027, 2, 1), dt.date(2027, 3, 1)]
    assert month_bounds(tiny_scenario)[:2].tolist() == [28.0, 56.0]
    assert starts[-1] == dt.date(
        2037, 1, 1
    )  # 3,650 days after 2027-01-04 (3 leap days): 2037-01-01


def test_spend_falls_in_its_month_and_the_overhead_accrues_by_the_day() -> None:
    """Hand-computed: 100 on day 10, 50 on day 28 (month 1's first), overhead 560 over 56 days."""
    bounds = np.array([28.0, 56.0, 87.0])
    entries = [
        Entry(10.0, "ground", "stage days", 100.0),
        Entry(28.0, "vfx", "shots", 50.0),
        Entry(56.0, "overhead", "daily overhead", 560.0),
    ]
    assert by_month([entries], bounds)[0].tolist() == pytest.approx([100 + 280, 50 + 280, 0, 0])


def test_the_arrays_add_up_to_the_cost_and_are_the_same_serial_or_parallel(
    tiny_scenario, monkeypatch
) -> None:
    serial = run_experiment(tiny_scenario, replications=14, seed=5)
    monkeypatch.setattr(runner, "BATCH_SIZE", 3)
    parallel = run_experiment(tiny_scenario, replications=14, seed=5, jobs=2)
    for name in (SPEND, COMMITTED):
        assert np.array_equal(serial.columns[name], parallel.columns[name])
    cost = serial.column("cost_usd")
    assert serial.columns[SPEND].sum(axis=1) == pytest.approx(cost, rel=1e-12)
    # once a replication is over, everything it cost is committed
    assert serial.columns[COMMITTED][:, -1] == pytest.approx(cost, rel=1e-12)
    assert np.all(np.diff(serial.columns[COMMITTED], axis=1) >= -1e-6)


def test_bands_and_the_peak_month(tiny_scenario) -> None:
    results = run_experiment(tiny_scenario, replications=20, seed=5)
    found = bands(results, "orbit")
    spend = results.column(SPEND, "orbit")
    months = len(found["spend_mean_usd"])
    assert found["spend_mean_usd"] == pytest.approx(spend[:, :months].mean(axis=0))
    assert np.all(found["cumulative_p10_usd"] <= found["cumulative_p90_usd"])
    peak = cash_flow(results, "orbit")
    index = int(np.argmax(spend[:, :months].mean(axis=0)))
    assert peak.peak_month == f"{month_starts(tiny_scenario)[index]:%Y-%m}"
    rows = cash_flow_rows(results)
    assert len(rows) == months * len(results.strategies)
    assert (rows[0]["strategy"], rows[0]["month"]) == ("orbit", "2027-01")
