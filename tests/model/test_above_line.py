"""Above-the-line fees: charged on their payment pattern's days, the same in every strategy."""

from __future__ import annotations

import math

import pytest

from sim.model.above_line import INSTALMENT_DAYS, instalment_days, milestone_days
from sim.model.replication import run_replication
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

PATTERN = {
    "signing": 0.1,
    "photography_start": 0.2,
    "photography": 0.5,
    "wrap": 0.1,
    "delivery": 0.1,
}


def whole_film(**lines: dict) -> dict:
    return tiny_data(production__budget_basis="whole_film", production__above_the_line=lines)


def test_instalments_come_in_four_week_lots_from_the_start_of_photography() -> None:
    """A lot every 28 days from the start, up to before the wrap; one if photography is instant."""
    assert instalment_days(100.0, 156.0) == [100.0, 128.0]
    assert instalment_days(100.0, 157.0) == [100.0, 128.0, 156.0]
    assert instalment_days(50.0, 50.0) == [50.0]


def test_milestones_of_a_film_not_delivered_fall_on_the_horizon() -> None:
    days = milestone_days(90.0, math.nan, 3650.0)
    assert days == {"signing": 0.0, "photography_start": 90.0, "wrap": 3650.0, "delivery": 3650.0}


@pytest.mark.parametrize("strategy", ["orbit", "mixed", "ground"])
def test_a_fixed_fee_is_charged_whole_on_its_patterns_days(strategy: str) -> None:
    scenario = scenario_from_data(whole_film(cast={"fee_usd": 7e6, "payment": PATTERN}))
    outcome = run_replication(scenario, strategy, 7, 2)
    entries = [e for e in outcome.ledger.entries if e.category == "above_line"]
    assert sum(e.amount_usd for e in entries) == pytest.approx(7e6)
    start = outcome.drivers.preproduction_days
    wrap = outcome.drivers.picture_done_day
    by_day: dict[float, float] = {}
    for entry in entries:
        by_day[entry.day] = by_day.get(entry.day, 0.0) + entry.amount_usd
    lots = math.ceil((wrap - start) / INSTALMENT_DAYS - 1e-9)
    each = 0.5 * 7e6 / lots
    assert by_day[0.0] == pytest.approx(0.7e6)
    assert by_day[start] == pytest.approx(1.4e6 + each)  # start of photography + first lot
    assert by_day[start + INSTALMENT_DAYS] == pytest.approx(each)
    assert by_day[outcome.delivery_day] == pytest.approx(0.7e6)
    assert sum(1 for e in entries if e.amount_usd == pytest.approx(each)) == lots
    assert all(0 <= e.day <= outcome.delivery_day for e in entries)
    committed = [c for c in outcome.ledger.commitments if c.category == "above_line"]
    assert [(c.day, c.amount_usd) for c in committed] == [(0.0, 7e6)]  # pay-or-play


def test_fees_add_the_same_cost_to_every_strategy_and_change_nothing_else() -> None:
    plain = scenario_from_data(tiny_data())
    lines = {
        "story": {"fee_usd": 1e6, "payment": {"signing": 1.0}},
        "cast": {"fee_usd": {"dist": "uniform", "low": 5e6, "high": 9e6}},
    }
    atl = scenario_from_data(whole_film(**lines))
    for index in range(5):
        fees: set[float] = set()
        for strategy in ("orbit", "mixed", "reshoot", "ground"):
            a = run_replication(plain, strategy, 7, index)
            b = run_replication(atl, strategy, 7, index)
            assert b.delivery_day == a.delivery_day
            for category, cost in a.cost_by_category.items():
                if category != "above_line":
                    assert b.cost_by_category[category] == cost
            fees.add(b.cost_by_category["above_line"])
            assert a.cost_by_category["above_line"] == 0.0
        # common random numbers: one fee per replication (instalments summed in another order)
        fee = min(fees)
        assert max(fees) == pytest.approx(fee, rel=1e-12)
        assert 6e6 <= fee <= 10e6
