"""spacesim: production-planning simulator for feature films shot partly in space.

The public API::

    scenario = load_scenario("scenarios/split.yaml")
    results = run_experiment(scenario, replications=500, seed=7)
    summary = summarise(results)

Each name is imported on first use (PEP 562): a worker process imports `sim.experiment.runner`,
hence this package, and should not pay for the analysis and the YAML reader it never uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.analysis.summary import summarise
    from sim.experiment.results import Results
    from sim.experiment.runner import run_experiment
    from sim.model.replication import run_replication
    from sim.scenario.load import load_scenario, scenario_from_data

_HOMES = {
    "Results": "sim.experiment.results",
    "load_scenario": "sim.scenario.load",
    "run_experiment": "sim.experiment.runner",
    "run_replication": "sim.model.replication",
    "scenario_from_data": "sim.scenario.load",
    "summarise": "sim.analysis.summary",
}

__all__ = [
    "Results",
    "load_scenario",
    "run_experiment",
    "run_replication",
    "scenario_from_data",
    "summarise",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sim' has no attribute '{name}'")
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
