"""Summaries: percentiles with undelivered films, confidence of meeting targets, JSON safety."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from sim.analysis.summary import percentiles, summarise
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


def test_percentiles_are_observed_values() -> None:
    """P50 and P80 of 1..10 are 5 and 8 (empirical, no interpolation)."""
    found = percentiles(np.arange(1, 11, dtype=float))
    assert (found["p50"], found["p80"], found["mean"]) == (5.0, 8.0, 5.5)


def test_never_delivered_counts_as_later_than_any_date() -> None:
    """With 3 of 10 films never delivered, P80 is 'never' and P50 a real day."""
    values = np.array([1, 2, 3, 4, 5, 6, 7, math.inf, math.inf, math.inf])
    found = percentiles(values)
    assert found["p50"] == 5.0
    assert found["p80"] == math.inf


def test_probabilities_match_the_table(tiny_scenario) -> None:
    """P(on time), P(on budget) and P(both) are the shares of rows meeting each target."""
    results = run_experiment(tiny_scenario, replications=40, seed=2)
    summary = summarise(results)
    for name in results.strategies:
        cost = results.column("cost_usd", name)
        day = results.column("delivery_day", name)
        on_time = day <= tiny_scenario.deadline_day
        on_budget = cost <= tiny_scenario.production.budget_usd
        strategy = summary.strategies[name]
        assert strategy.p_on_time == np.mean(on_time)
        assert strategy.p_on_budget == np.mean(on_budget)
        assert strategy.p_joint == np.mean(on_time & on_budget)
        assert strategy.cost.p80 >= strategy.cost.p50


def test_summary_is_valid_json_even_when_nothing_is_delivered() -> None:
    """Undelivered films give null days and dates, never Infinity."""
    scenario = scenario_from_data(
        tiny_data(
            sources__orbit={"weather_scrub_probability": 1},
            simulation__horizon_days=800,
        )
    )
    results: Results = run_experiment(scenario, replications=4, seed=1, strategies=["orbit"])
    summary = summarise(results)
    text = json.dumps(summary.to_json(), allow_nan=False)
    orbit = json.loads(text)["strategies"]["orbit"]
    assert orbit["delivery_date"]["p50"] is None
    assert orbit["p_on_time"] == 0.0
    assert orbit["p_delivered"] == 0.0
    assert summary.strategies["orbit"].delivery_day.p50 is None


def test_the_top_sheet_adds_up_to_the_whole_cost() -> None:
    """Each category on one line; line means add up; the total's percentiles are the cost's."""
    members = [category for line in TOP_SHEET.values() for category in line]
    assert sorted(members) == sorted(CATEGORIES)
    data = tiny_data()
    data["risks"]["stage"]["probability"] = 0.6  # a risk with a cost, so its line is not empty
    summary = summarise(run_experiment(scenario_from_data(data), replications=40, seed=8))
    for strategy in summary.strategies.values():
        sheet = strategy.top_sheet
        assert list(sheet) == [*TOP_SHEET, "total"]
        lines = sum(sheet[line].mean for line in TOP_SHEET)
        assert lines == pytest.approx(sheet["total"].mean, rel=1e-12)
        assert sheet["total"] == strategy.cost
        assert sheet["risk events"].mean > 0


def test_a_film_never_delivered_is_never_on_budget(tiny_scenario) -> None:
    """A horizon of one day: nothing is delivered, so nothing is on budget, however cheap."""
    scenario = tiny_scenario.model_copy(
        update={"simulation": tiny_scenario.simulation.model_copy(update={"horizon_days": 1.0})}
    )
    summary = summarise(run_experiment(scenario, replications=5, seed=1))
    for strategy in summary.strategies.values():
        assert strategy.p_delivered == 0
        assert strategy.p_on_budget == 0
        assert strategy.cost.p50 < scenario.production.budget_usd  # cheap, and still not on budget
