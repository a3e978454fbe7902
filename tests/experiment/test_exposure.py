"""The measured risk register: exposures and mitigation benefits on common random numbers."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.summary import summarise
from sim.experiment.exposure import measure
from sim.experiment.runner import run_experiment
from sim.model.risks import exposed
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


def _scenario(**mitigations):
    data = tiny_data()
    data["risks"]["slip"]["mitigations"] = mitigations
    data["risks"]["stage"]["mitigations"] = {
        "hold": {"cost_usd": 200_000, "probability": 0.05, "cost_factor": 0.5},
        "worse": {"probability": 0.5},
    }
    data["risks"]["stage"]["mitigation"] = "hold"
    return scenario_from_data(data)


def test_a_mitigation_removing_the_risk_for_free_saves_its_whole_exposure() -> None:
    """Chance 0 at no cost: the benefit is the exposure, exactly, pair by pair."""
    scenario = _scenario(gone={"probability": 0})
    results = run_experiment(scenario, replications=30, seed=3)
    exposures = measure(results)
    for strategy in exposures.exposed["slip"]:
        base, removed = exposures.base["slip"], exposures.removed["slip"]
        without, bought = exposures.without["slip"]["gone"], exposures.bought["slip"]["gone"]
        exposure = base.cost_usd[strategy] - removed.cost_usd[strategy]
        saved = without.cost_usd[strategy] - bought.cost_usd[strategy]
        assert np.array_equal(exposure, saved)
        assert np.array_equal(removed.delivery_day[strategy], bought.delivery_day[strategy])
    entry = summarise(results, exposures=exposures).risk_register["slip"]
    for strategy, exposure in entry.exposure.items():
        assert exposure.cost_usd.mean > 0  # a slip holds the crew and the overhead
        assert entry.mitigations["gone"].benefit[strategy].cost_usd == exposure.cost_usd


def test_a_risk_that_never_occurs_costs_nothing_and_is_not_rerun() -> None:
    data = tiny_data()
    data["risks"]["slip"]["probability"] = 0.0
    scenario = scenario_from_data(data)
    results = run_experiment(scenario, replications=20, seed=3)
    exposures = measure(results)
    assert exposures.removed["slip"].reruns == 0
    entry = summarise(results, exposures=exposures).risk_register["slip"]
    assert entry.occurred == 0
    for exposure in entry.exposure.values():
        assert exposure.hit_rate == 0
        assert (exposure.cost_usd.mean, exposure.delivery_days.mean) == (0, 0)


def test_rerunning_only_what_changes_equals_rerunning_everything() -> None:
    """Every variant, pair by pair, as a full rerun of it gives (floating point aside)."""
    scenario = _scenario(
        slot={"cost_usd": {"dist": "uniform", "low": 1e6, "high": 2e6}, "probability": 0.1},
        half={"cost_usd": 500_000, "delay_factor": 0.5},
    )
    results = run_experiment(scenario, replications=30, seed=11)
    fast, brute = measure(results), measure(results, brute_force=True)
    assert fast.reruns < brute.reruns / 3
    for name in scenario.risks:
        parts = [(fast.removed[name], brute.removed[name])]
        for listed in scenario.risks[name].mitigations:
            parts += [(fast.without[name][listed], brute.without[name][listed])]
            parts += [(fast.bought[name][listed], brute.bought[name][listed])]
        for mine, theirs in parts:
            for strategy in fast.exposed[name]:
                assert mine.cost_usd[strategy] == pytest.approx(
                    theirs.cost_usd[strategy], rel=1e-12
                )
                assert np.array_equal(mine.delivery_day[strategy], theirs.delivery_day[strategy])


def test_the_removal_reruns_exactly_the_pairs_the_event_struck() -> None:
    scenario = _scenario()
    results = run_experiment(scenario, replications=25, seed=5)
    exposures = measure(results)
    struck = sum(
        int(np.sum(results.column("risk_slip", s) > 0.5)) for s in exposures.exposed["slip"]
    )
    assert exposures.removed["slip"].reruns == struck > 0
    assert exposures.exposed["slip"] == ("orbit", "reshoot")  # the strategies that fly to orbit


def test_a_mitigation_without_effect_costs_its_price_where_the_risk_can_strike() -> None:
    """Bought, it is charged at day 0 in every replication of those strategies, and only there."""
    scenario = _scenario(nothing={"cost_usd": 1_000_000})
    results = run_experiment(scenario, replications=20, seed=2)
    entry = summarise(results, exposures=measure(results)).risk_register["slip"]
    for benefit in entry.mitigations["nothing"].benefit.values():
        assert benefit.cost_usd.mean == pytest.approx(-1_000_000, rel=1e-12)
        assert benefit.delivery_days.mean == 0
        assert benefit.pays_for_itself == "no"
    data = tiny_data()
    data["risks"]["slip"]["mitigations"] = {"nothing": {"cost_usd": 1_000_000}}
    data["risks"]["slip"]["mitigation"] = "nothing"
    bought = run_experiment(scenario_from_data(data), replications=20, seed=2)
    plain = run_experiment(scenario_from_data(tiny_data()), replications=20, seed=2)
    for strategy in ("orbit", "reshoot", "mixed", "ground"):
        extra = bought.column("cost_risk_usd", strategy) - plain.column("cost_risk_usd", strategy)
        expected = 1_000_000 if strategy in ("orbit", "reshoot") else 0
        assert extra == pytest.approx(np.full(20, expected))


def test_an_unknown_bought_mitigation_is_refused() -> None:
    data = tiny_data()
    data["risks"]["slip"]["mitigation"] = "backup"
    with pytest.raises(Exception, match=r"risks\.slip\.mitigation"):
        scenario_from_data(data)


def test_an_event_on_post_production_strikes_every_strategy() -> None:
    """Post-production is every film's: its events are measured for every strategy."""
    scenario = scenario_from_data(tiny_data())
    assert all(exposed(scenario, name, "post") for name in scenario.strategies)
    assert all(exposed(scenario, name, "production") for name in scenario.strategies)
    assert not exposed(scenario, "ground", "orbit")


def test_a_mitigation_priced_in_another_currency_is_converted_as_the_model_converts_it() -> None:
    """EUR film, a slot option quoted in USD: the quick method equals the full rerun."""
    data = tiny_data()
    data["production"]["currency"] = "EUR"
    data["production"]["exchange_rates"] = {"USD": 0.5}
    data["risks"]["slip"]["mitigations"] = {
        "slot": {"cost_usd": {"dist": "fixed", "value": 2e6, "currency": "USD"}, "probability": 0.1}
    }
    scenario = scenario_from_data(data)
    results = run_experiment(scenario, replications=20, seed=4)
    fast, brute = measure(results), measure(results, brute_force=True)
    for strategy in fast.exposed["slip"]:
        mine, theirs = fast.bought["slip"]["slot"], brute.bought["slip"]["slot"]
        assert mine.cost_usd[strategy] == pytest.approx(theirs.cost_usd[strategy], rel=1e-12)
