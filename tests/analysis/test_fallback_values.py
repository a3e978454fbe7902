"""A fallback rule's value: the paired difference with its strategy without it, and both sides."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.analysis.fallbacks import fallback_values
from sim.analysis.records import Summary
from sim.analysis.summary import summarise
from sim.experiment.fallback_runs import FallbackRuns, measure_fallbacks
from sim.experiment.runner import run_experiment
from tests.experiment.test_fallback_runs import with_rule


@pytest.fixture(scope="module")
def run():
    """20 replications of the tiny orbit strategy with a rule, and the rule measured."""
    results = run_experiment(with_rule("2027-12-01"), replications=20, strategies=["orbit"])
    return results, measure_fallbacks(results)


def test_the_value_is_with_minus_without_pair_by_pair(run) -> None:
    """Hand-made counterfactual: the same films $2M dearer and 10 days later without the rule."""
    results, measured = run
    (rule,) = measured.rules
    cost = results.column("cost_usd", "orbit")
    day = results.column("delivery_day", "orbit")
    made = dataclasses.replace(rule, cost_usd=cost + 2e6, delivery_day=day + 10.0)
    value = fallback_values(results, FallbackRuns((made,)))["orbit"]["late"]
    assert value.cost_usd.mean == pytest.approx(-2e6)
    assert value.cost_usd.ci95 == (pytest.approx(-2e6), pytest.approx(-2e6))
    assert value.delivery_days.mean == pytest.approx(-10.0)
    assert value.delivery_days.pairs == int(np.isfinite(day).sum())
    assert value.without_rule.cost_p50 == pytest.approx(value.with_rule.cost_p50 + 2e6)


def test_how_often_it_fired_and_when(run) -> None:
    """The fired share is the share of replications with a fire day; the median is one of them."""
    results, measured = run
    value = fallback_values(results, measured)["orbit"]["late"]
    days = results.column("fallback_orbit_day", "orbit")
    assert value.fired.p == pytest.approx(np.mean(~np.isnan(days)))
    assert value.source == "orbit"
    assert value.trigger == "not launched by 2027-12-01"
    assert value.move_to == ("parabolic", "stock", "cgi")
    assert value.moved_minutes == pytest.approx(
        np.mean(results.column("fallback_orbit_minutes", "orbit")[~np.isnan(days)])
    )
    assert value.reruns == int(np.sum(~np.isnan(days)))


def test_the_summary_carries_the_values_and_reads_them_back(run) -> None:
    """summary.json holds them, typed; a summary without them (an older run) reads as empty."""
    results, measured = run
    summary = summarise(results, fallbacks=measured)
    assert set(summary.fallbacks["orbit"]) == {"late"}
    again = Summary.from_json(summary.to_json())
    assert again == summary
    data = summary.to_json()
    del data["fallbacks"]
    assert Summary.from_json(data).fallbacks == {}
    assert summarise(results).fallbacks == {}
