"""spacesim: production-planning simulator for feature films shot partly in space.

The public API::

    scenario = load_scenario("scenarios/split.yaml")
    results = run_experiment(scenario, replications=500, seed=7)
    summary = summarise(results)
"""

from sim.analysis.summary import summarise
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.model.production import run_replication
from sim.scenario.load import load_scenario, scenario_from_data

__all__ = [
    "Results",
    "load_scenario",
    "run_experiment",
    "run_replication",
    "scenario_from_data",
    "summarise",
]
