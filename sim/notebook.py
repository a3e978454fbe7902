"""The notebook's way in: a run with the CLI's defaults and a progress bar that Jupyter shows.

`run_experiment` is the engine's call: one process unless told otherwise, no display. A
notebook wants what `spacesim run` does - a worker per core, a bar while it runs - and takes a
scenario file's path as readily as a loaded scenario. The bar is rich's, drawn in a terminal
and, where ipywidgets is installed, in Jupyter; elsewhere (a script whose output is a file) it
is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from sim.cli.progress import replications_bar
from sim.experiment.executors import usable_cores
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.scenario.load import load_scenario
from sim.scenario.schema import Scenario


def simulate(
    scenario: Scenario | str | Path,
    *,
    replications: int | None = None,
    seed: int | None = None,
    strategies: Sequence[str] | None = None,
    jobs: int | None = None,
    dask: Any = None,
    until: Callable[[Results], bool] | None = None,
    max_replications: int | None = None,
    progress: bool = True,
) -> Results:
    """Simulate a scenario (or the scenario file at a path) as `spacesim run` does.

    `jobs` defaults to one worker process per core this process may use, as the CLI's
    ``--jobs``; `progress` shows a bar of replications per strategy. The other arguments are
    `run_experiment`'s, and the results are the same, bit for bit, for any `jobs`.

    Raises:
        ScenarioError: the file does not load (one line per problem, each with its key path).
        UsageError: an unknown strategy name, or a bad number of replications or jobs.
        ReplicationError: some replications raised; each is named so it can be replayed.
    """
    loaded = load_scenario(scenario) if isinstance(scenario, str | Path) else scenario
    first = loaded.simulation.replications if replications is None else replications
    most = max(first, max_replications or 0) if until is not None else first
    console = Console(stderr=True, quiet=not progress)
    with replications_bar(console, first, most) as advance:
        return run_experiment(
            loaded,
            replications=replications,
            seed=seed,
            strategies=strategies,
            jobs=usable_cores() if jobs is None else jobs,
            progress=advance,
            scenario_file=str(scenario) if isinstance(scenario, str | Path) else "<scenario>",
            until=until,
            max_replications=max_replications,
            dask=dask,
        )
