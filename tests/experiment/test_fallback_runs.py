"""What a fallback rule is worth: its strategy without it, pair by pair on the run's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from sim.experiment.fallback_runs import measure_fallbacks, without_rule
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import tiny_data, with_orbit_rule


def with_rule(date: str) -> Scenario:
    """The tiny scenario, its orbit strategy giving up a launch not made by `date`."""
    data = tiny_data()
    with_orbit_rule(data, {"not_launched_by": date})
    return scenario_from_data(data)


def test_rerunning_only_where_the_rule_fired_gives_every_pair_a_full_rerun_gives() -> None:
    """Where it did not fire the rule changed nothing, so the run's own outcome stands in."""
    results = run_experiment(
        with_rule("2027-12-01"), replications=16, strategies=["orbit", "mixed"]
    )
    quick, full = measure_fallbacks(results), measure_fallbacks(results, brute_force=True)
    ((fast,), (slow,)) = quick.rules, full.rules
    assert 0 < fast.fired.sum() < 16
    assert fast.reruns == fast.fired.sum()
    assert slow.reruns == 16
    assert np.array_equal(fast.cost_usd, slow.cost_usd)
    assert np.array_equal(fast.delivery_day, slow.delivery_day)
    assert np.array_equal(fast.real_share, slow.real_share, equal_nan=True)
    # Where it fired the strategy without it is another film: the first of them differs.
    first = int(np.flatnonzero(fast.fired)[0])
    assert fast.cost_usd[first] != results.column("cost_usd", "orbit")[first]


def test_the_same_with_two_workers() -> None:
    """Reruns on a pool give the same numbers as serially."""
    results = run_experiment(with_rule("2027-12-01"), replications=12, strategies=["orbit"])
    one, two = measure_fallbacks(results), measure_fallbacks(results, jobs=2)
    assert np.array_equal(one.rules[0].cost_usd, two.rules[0].cost_usd)


def test_a_rule_that_never_fires_is_rerun_nowhere() -> None:
    """A date past every launch: no rerun, and the strategy without it is the run itself."""
    results = run_experiment(with_rule("2036-01-01"), replications=8, strategies=["orbit"])
    (measured,) = measure_fallbacks(results).rules
    assert measured.reruns == 0
    assert not measured.fired.any()
    assert np.array_equal(measured.cost_usd, results.column("cost_usd", "orbit"))


def test_without_rule_removes_that_rule_only() -> None:
    """The variant keeps every other strategy and rule as it was."""
    scenario = with_rule("2027-12-01")
    variant, settings = without_rule(scenario, "orbit", "late")
    assert settings == ("strategies.orbit.fallbacks={}",)
    assert variant.strategies["orbit"].fallbacks == {}
    assert variant.strategies["mixed"] == scenario.strategies["mixed"]
    assert variant.strategies["orbit"].split == scenario.strategies["orbit"].split
    assert scenario.strategies["orbit"].fallbacks  # the run's own scenario is untouched


@pytest.mark.parametrize("strategy", ["mixed", "ground"])
def test_a_strategy_without_rules_is_not_measured(strategy: str) -> None:
    """Only strategies with rules get variants."""
    results = run_experiment(with_rule("2027-12-01"), replications=4, strategies=[strategy])
    assert measure_fallbacks(results).rules == ()


def test_a_cancellation_that_fires_the_rule_is_rerun_like_any_firing() -> None:
    """A risk event cancelling the orbit fires the rule: those replications are rerun too.

    Rerunning only where it fired still gives what rerunning every replication gives, and
    without the rule the cancelled segment's minutes go to the shortfall policy instead.
    """
    data = tiny_data()
    data["risks"] = {"gone": {"probability": 0.5, "hits": "orbit", "effect": "cancel"}}
    with_orbit_rule(data, {"not_launched_by": "2035-01-01"})  # never, but for cancellations
    results = run_experiment(scenario_from_data(data), replications=12, strategies=["orbit"])
    quick, full = measure_fallbacks(results), measure_fallbacks(results, brute_force=True)
    ((fast,), (slow,)) = quick.rules, full.rules
    cancelled = results.column("risk_gone", "orbit") > 0.5
    assert 0 < cancelled.sum() < 12
    assert np.array_equal(fast.fired, cancelled)
    assert np.array_equal(fast.cost_usd, slow.cost_usd)
    assert np.array_equal(fast.delivery_day, slow.delivery_day)
    assert np.array_equal(fast.real_share, slow.real_share, equal_nan=True)
    # with the rule the aircraft and stock film the cancelled minutes; without it CGI remakes them
    assert (results.column("real_share", "orbit")[cancelled] > fast.real_share[cancelled]).all()
