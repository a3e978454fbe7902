"""A scenario in another currency: the same decisions, every amount converted at one rate."""

from __future__ import annotations

import math

import pytest

from sim.core.rng import Streams
from sim.model.exchange import draw_rates
from sim.model.replication import Opening, run_replication
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import tiny_data

RATE = 0.92
STRATEGIES = ("orbit", "mixed", "reshoot", "ground")


def eur_twin(rate: object) -> Scenario:
    """The tiny scenario in euros: the user's one amount marked as the dollars it was."""
    data = tiny_data(production__currency="EUR", production__exchange_rates={"USD": rate})
    data["risks"]["stage"]["cost_usd"] = {"dist": "fixed", "value": 100_000, "currency": "USD"}
    return scenario_from_data(data)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_a_fixed_rate_gives_the_usd_twins_decisions_and_its_costs_times_the_rate(
    strategy: str,
) -> None:
    usd = scenario_from_data(tiny_data())
    eur = eur_twin(RATE)
    for index in range(8):
        a = run_replication(usd, strategy, 7, index)
        b = run_replication(eur, strategy, 7, index)
        assert b.delivery_day == a.delivery_day
        assert b.critical_track == a.critical_track
        assert b.minutes_by_source == a.minutes_by_source
        assert b.drivers.values() == pytest.approx(a.drivers.values(), nan_ok=True)
        for category, cost in a.cost_by_category.items():
            assert b.cost_by_category[category] == pytest.approx(cost * RATE, rel=1e-12)
        assert b.cost_usd == pytest.approx(a.cost_usd * RATE, rel=1e-12)


def test_a_distributed_rate_is_drawn_once_per_replication_for_every_amount_and_strategy() -> None:
    usd = scenario_from_data(tiny_data())
    eur = eur_twin({"dist": "uniform", "low": 0.8, "high": 1.0})
    seen = []
    for index in range(6):
        rate = draw_rates(eur.production, Streams(7, index))["USD"]
        assert draw_rates(eur.production, Streams(7, index))["USD"] == rate  # reproducible
        assert Opening.draw(eur, 7, index).overhead_per_day == pytest.approx(
            Opening.draw(usd, 7, index).overhead_per_day * rate
        )
        for strategy in STRATEGIES:
            a = run_replication(usd, strategy, 7, index)
            b = run_replication(eur, strategy, 7, index)
            assert b.delivery_day == a.delivery_day
            ratios = [
                b.cost_by_category[c] / cost for c, cost in a.cost_by_category.items() if cost > 0
            ]
            assert ratios == pytest.approx([rate] * len(ratios), rel=1e-12)
        seen.append(rate)
    assert len(set(seen)) == len(seen)  # a new rate each replication
    assert all(0.8 <= rate <= 1.0 for rate in seen)


def test_a_usd_scenario_with_a_dollar_rate_ignores_it() -> None:
    plain = scenario_from_data(tiny_data())
    listed = scenario_from_data(tiny_data(production__exchange_rates={"USD": 0.5}))
    a = run_replication(plain, "orbit", 7, 3)
    b = run_replication(listed, "orbit", 7, 3)
    assert b.cost_by_category == a.cost_by_category


def test_an_amount_the_user_writes_is_in_the_scenarios_currency() -> None:
    data = tiny_data(production__currency="EUR", production__exchange_rates={"USD": RATE})
    data["risks"]["stage"]["probability"] = 1.0
    eur = scenario_from_data(data)
    outcome = run_replication(eur, "ground", 7, 0)
    risk = [e.amount_usd for e in outcome.ledger.entries if e.category == "risk"]
    assert risk == [100_000]  # not converted: the user wrote euros
    assert not math.isnan(outcome.delivery_day)
