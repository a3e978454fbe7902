"""spacesim: production-planning simulator for feature films shot partly in space.

The public API::

    scenario = load_scenario("scenarios/split.yaml")
    data = read_yaml(text)                                  # YAML as the loader reads it
    results = simulate(scenario, replications=500, seed=7)  # a worker per core, a progress bar
    frame = results.to_pandas()                             # one row per replication
    summary = summarise(results)
    tables = summary_frames(summary)                        # the summary's tables, as DataFrames
    write_report(results, "out/split")                      # what `spacesim run` writes
    changed = with_changes(scenario, {"sources.orbit.seat_price_usd": 60e6})  # validated
    grid = sweep(scenario, {"sources.cgi.artists": [100, 200]})  # .to_pandas(), break-evens

`run_experiment` is the engine's own call (one process unless told, no display).

Each name is imported on first use (PEP 562): a worker process imports `sim.experiment.runner`,
hence this package, and should not pay for the analysis and the YAML reader it never uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.analysis.frames import summary_frames
    from sim.analysis.summary import summarise
    from sim.analysis.sweep import sweep
    from sim.experiment.results import Results
    from sim.experiment.runner import run_experiment
    from sim.model.replication import run_replication
    from sim.notebook import simulate
    from sim.report.publish import write_report
    from sim.scenario.changes import parse_value, with_changes
    from sim.scenario.load import load_scenario, scenario_from_data
    from sim.scenario.yaml_text import read_yaml

_HOMES = {
    "Results": "sim.experiment.results",
    "load_scenario": "sim.scenario.load",
    "parse_value": "sim.scenario.changes",
    "read_yaml": "sim.scenario.yaml_text",
    "run_experiment": "sim.experiment.runner",
    "run_replication": "sim.model.replication",
    "scenario_from_data": "sim.scenario.load",
    "simulate": "sim.notebook",
    "summarise": "sim.analysis.summary",
    "summary_frames": "sim.analysis.frames",
    "sweep": "sim.analysis.sweep",
    "with_changes": "sim.scenario.changes",
    "write_report": "sim.report.publish",
}

__all__ = [
    "Results",
    "load_scenario",
    "parse_value",
    "read_yaml",
    "run_experiment",
    "run_replication",
    "scenario_from_data",
    "simulate",
    "summarise",
    "summary_frames",
    "sweep",
    "with_changes",
    "write_report",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sim' has no attribute '{name}'")
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
