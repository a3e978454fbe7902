"""A sweep's grid: every combination of some scenario values, each run on the same random numbers.

A sweep changes one or more key paths of a scenario (``sources.orbit.seat_price_usd``), each
over a list of values; its cells are the product of those lists, the first key varying
slowest. Each cell is the scenario with that cell's values set (`sim.scenario.changes`), so it
is validated and its defaults laid under as if the file said so.

Every cell runs with the same master seed and the same replication indices, so replication *i*
of cell *j* draws what replication *i* of any other cell draws, stream by stream (common random
numbers): a difference between two cells is the change's, not the luck of the draw. A swept
key that only changes a cost leaves every delivery day as it was. The cells run one after the
other, each on the pool of workers (or the Dask cluster) as `spacesim run` would; a local Dask
cluster is started once for all of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sim.core.errors import Problem, ReplicationError, ScenarioError, UsageError
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.scenario.changes import plain, with_changes
from sim.scenario.schema import Scenario
from sim.scenario.value_lists import setting_text

#: Keys a sweep cannot change: every cell runs on the run's own seed and replications (the
#: options ``--seed`` and ``--reps``), which override a cell's, so the values would be dropped.
RUN_KEYS = ("simulation.seed", "simulation.replications")

#: The most cells a sweep may have: each is a whole run, and a table or figure of more cannot
#: be read.
MAX_CELLS = 1000


@dataclass(frozen=True)
class Cell:
    """One combination of the swept values, and the scenario with them set."""

    index: int
    values: dict[str, Any]
    scenario: Scenario


def cells_of(
    scenario: Scenario, axes: Mapping[str, Sequence[Any]], file: str = "--set"
) -> list[Cell]:
    """The grid of `axes` (key path -> values) over `scenario`, each cell validated.

    Each value is first checked alone, so a value that does not validate is named with its key
    path; then each cell, whose values together may still not fit (a vehicle with fewer seats
    than the crew).

    Raises:
        ScenarioError: no key, a key with no values or a value twice, a key path the schema
            does not know, a value that does not validate, or a cell that does not.
    """
    problems = _axis_problems(axes)
    if problems:
        raise ScenarioError(file, problems)
    values = {key: [plain(value) for value in axes[key]] for key in axes}
    for key, options in values.items():
        for value in options:
            _check_alone(scenario, key, value, file)
    cells = []
    for index, combination in enumerate(itertools.product(*values.values())):
        changes = dict(zip(values, combination, strict=True))
        where = f"{file} " + ", ".join(f"{key}={shown(value)}" for key, value in changes.items())
        cells.append(Cell(index, changes, with_changes(scenario, changes, where)))
    return cells


def _check_alone(scenario: Scenario, key: str, value: Any, file: str) -> None:
    """Validate one value alone; a problem elsewhere than at `key` names the value too."""
    try:
        with_changes(scenario, {key: value}, file)
    except ScenarioError as error:
        if all(problem.path.startswith(key) for problem in error.problems):
            raise
        raise ScenarioError(f"{file} {key}={shown(value)}", error.problems) from None


def _axis_problems(axes: Mapping[str, Sequence[Any]]) -> list[Problem]:
    if not axes:
        return [Problem("", "nothing to sweep; give a key path and its values, e.g. KEY=1,2,3")]
    problems = []
    size = 1
    for key, options in axes.items():
        if key in RUN_KEYS:
            problems.append(
                Problem(
                    key,
                    "every cell runs on the same seed and replications, so a sweep cannot"
                    " change it; set it once with --seed or --reps",
                )
            )
            continue
        if isinstance(options, str | bytes) or not isinstance(options, Sequence):
            problems.append(Problem(key, "give a list of values, e.g. [40e6, 55e6]"))
            continue
        if not options:
            problems.append(Problem(key, "no values to sweep; give at least one"))
            continue
        seen: list[Any] = []
        for value in (plain(option) for option in options):
            if value in seen:
                problems.append(Problem(key, f"{shown(value)} is given twice; give each once"))
            seen.append(value)
        size *= len(options)
    if size > MAX_CELLS:
        problems.append(
            Problem(
                "",
                f"the grid has {size:,} cells, more than {MAX_CELLS:,}; sweep fewer values"
                " (each cell is a whole run)",
            )
        )
    return problems


def shown(value: Any) -> str:
    """A swept value as a scenario file would write it, on one line."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):_}" if abs(value) >= 10_000 else f"{int(value)}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {shown(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(shown(item) for item in value) + "]"
    return str(value)


def run_cells(
    cells: Sequence[Cell],
    *,
    replications: int | None = None,
    seed: int | None = None,
    strategies: Sequence[str] | None = None,
    jobs: int = 1,
    dask: Any = None,
    progress: Callable[[int], None] | None = None,
    scenario_file: str = "<scenario>",
) -> Iterator[tuple[Cell, Results]]:
    """Run each cell, in order, on the same seed and replication indices; yield its results.

    Args:
        cells: from `cells_of`.
        replications: per strategy and cell; the scenario's own when None.
        seed: master seed of every cell; each cell's scenario's when None (the same, unless
            the sweep changes ``simulation.seed``).
        strategies: names to run; all when None.
        jobs: worker processes, as `run_experiment` takes them.
        dask: a Dask scheduler, as `run_experiment` takes it ("local" is started once here).
        progress: called with the replications finished, over all cells.
        scenario_file: named in the message of a failed replication.

    Raises:
        UsageError: as `run_experiment` (an unknown strategy, a bad number of replications).
        ReplicationError: a replication raised; its replay names the cell's values (``--set``).
    """
    with _cluster(dask, jobs) as where:
        for cell in cells:
            try:
                results = run_experiment(
                    cell.scenario,
                    replications=replications,
                    seed=seed,
                    strategies=strategies,
                    jobs=jobs,
                    progress=progress,
                    scenario_file=scenario_file,
                    dask=where,
                )
            except ReplicationError as error:  # replayed from the base file with the cell's values
                settings = tuple(setting_text(key, value) for key, value in cell.values.items())
                raise error.within(settings) from None
            yield cell, results


@contextlib.contextmanager
def _cluster(dask: Any, jobs: int) -> Iterator[Any]:
    """Dask as the runner takes it; "local" started once here for every cell.

    Without the distributed package the runner is given "local" and says how to install it.
    """
    if dask != "local":
        yield dask
        return
    try:
        import distributed  # noqa: PLC0415 - optional
    except ImportError:
        yield dask
        return
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: use at least 1 worker")
    with (
        distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
