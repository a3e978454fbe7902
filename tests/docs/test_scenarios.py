"""Every shipped scenario validates and runs (Mesa's "run every example")."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.experiment.runner import run_experiment
from sim.scenario.load import load_scenario

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.name)
def test_scenario_runs(path: Path) -> None:
    """The scenario loads, and 5 replications of every strategy deliver costs and dates."""
    scenario = load_scenario(path)
    results = run_experiment(scenario, replications=5)
    assert len(results.rows) == 5 * len(scenario.strategies)
    assert (results.column("cost_usd") > 0).all()


def test_there_is_a_flagship() -> None:
    """scenarios/split.yaml exists with at least five strategies."""
    assert len(load_scenario(SCENARIOS[0].parent / "split.yaml").strategies) >= 5
