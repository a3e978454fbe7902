"""Every shipped scenario validates and runs (Mesa's "run every example")."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sim.experiment.runner import run_experiment
from sim.scenario.load import load_scenario

SCENARIOS = sorted((Path(__file__).parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.name)
def test_scenario_runs(path: Path) -> None:
    """The scenario loads, and 5 replications of every strategy deliver costs and dates."""
    scenario = load_scenario(path)
    results = run_experiment(scenario, replications=5)
    assert results.size == 5 * len(scenario.strategies)
    assert (results.column("cost_usd") > 0).all()


def test_there_is_a_flagship() -> None:
    """scenarios/split.yaml exists with at least five strategies."""
    assert len(load_scenario(SCENARIOS[0].parent / "split.yaml").strategies) >= 5


def test_the_challenge_reconstruction_lands_in_the_real_range() -> None:
    """The 2021 flight's screen minutes from space were 25-50 (plans, director, release)."""
    scenario = load_scenario(SCENARIOS[0].parent / "the_challenge.yaml")
    yields = run_experiment(scenario, replications=200).column("orbit_yield_minutes")
    assert 25 <= float(np.mean(yields)) <= 50
    assert float(np.mean((yields >= 25) & (yields <= 50))) >= 0.8
