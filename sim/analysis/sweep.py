"""A sweep's summary: each cell x strategy x metric in one tidy table, and the break-evens.

`sweep` runs the grid (`sim.experiment.sweep`: every cell on the same random numbers) and
summarises each cell as `spacesim run` would its run: P50 and P80 of cost and delivery, the
chances of delivering on time, on budget and both, the mean real share, the scenario's
targets (`sim.analysis.decision.check_targets`) and the strategy recommended
(`sim.analysis.decision.decide`), each estimate with its 95% interval where it has one.

Percentiles are empirical and an undelivered film is later than any date, as in
`sim.analysis.summary`; a delivery percentile that is never delivered has no value (None,
an empty cell). The break-evens are in `sim.analysis.break_even`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sim.analysis.break_even import BreakEven, break_evens
from sim.analysis.sweep_cells import METRICS, CellSummary, summarise_cell
from sim.experiment.sweep import Cell, cells_of, run_cells
from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class SweepResult:
    """A sweep's summary: cells in grid order (the first key varying slowest)."""

    title: str
    currency: str
    start_date: dt.date
    deadline_day: float
    budget_usd: float
    seed: int
    replications: int
    strategies: tuple[str, ...]
    axes: dict[str, tuple[Any, ...]]
    cells: tuple[CellSummary, ...]
    break_evens: tuple[BreakEven, ...] = field(default=())
    #: The targets the base scenario sets, by key (`sim.analysis.records.Decision.targets`).
    targets: dict[str, float] = field(default_factory=dict)

    @property
    def keys(self) -> tuple[str, ...]:
        """The swept key paths, in order."""
        return tuple(self.axes)

    def rows(self) -> list[dict[str, Any]]:
        """The tidy table: a row per cell x strategy x metric, each key's value in its column."""
        found = []
        for cell in self.cells:
            for strategy, metrics in cell.metrics.items():
                for metric, estimate in metrics.items():
                    found.append(
                        {
                            "cell": cell.index,
                            **cell.values,
                            "strategy": strategy,
                            "metric": metric,
                            "value": estimate.value,
                            "ci95_low": estimate.low,
                            "ci95_high": estimate.high,
                        }
                    )
        return found

    def to_pandas(self, *, wide: bool = False) -> pd.DataFrame:
        """The tidy table as a DataFrame (missing values as NaN).

        `wide`: a row per cell x strategy and a column per metric instead, with the P50 and
        P80 delivery also as dates (``delivery_p50_date``; NaT when not delivered).
        """
        import pandas as pd  # noqa: PLC0415 - only a notebook needs it

        long = pd.DataFrame(self.rows())
        long["value"] = long["value"].astype(float)
        if not wide:
            return long
        index = ["cell", *self.keys, "strategy"]
        table = long.pivot_table(
            index=["cell", "strategy"], columns="metric", values="value", sort=False
        ).reset_index()
        keys = long.drop_duplicates("cell").set_index("cell")[list(self.keys)]
        table = table.join(keys, on="cell")
        start = pd.Timestamp(self.start_date)
        for level in ("p50", "p80"):
            days = table[f"delivery_{level}_day"]
            table[f"delivery_{level}_date"] = start + pd.to_timedelta(days, unit="D")
        ordered = [*index, *[name for name in table.columns if name not in index]]
        return table[ordered]

    def to_json(self) -> dict[str, Any]:
        """sweep.json's data: the axes, each cell's values, decision and metrics, break-evens."""
        return {
            "scenario": self.title,
            "seed": self.seed,
            "replications": self.replications,
            "currency": self.currency,
            "start_date": self.start_date.isoformat(),
            "deadline_day": self.deadline_day,
            "budget_usd": self.budget_usd,
            "targets": self.targets,
            "strategies": list(self.strategies),
            "axes": {
                key: [_json_value(value) for value in values] for key, values in self.axes.items()
            },
            "metrics": METRICS,
            "cells": [
                {
                    "cell": cell.index,
                    "values": {key: _json_value(value) for key, value in cell.values.items()},
                    "recommended": cell.recommended,
                    "meeting": list(cell.meeting),
                    "nearest": cell.nearest,
                    "reason": cell.reason,
                    "strategies": {
                        strategy: {
                            metric: {"value": e.value, "ci95": [e.low, e.high]}
                            for metric, e in metrics.items()
                        }
                        for strategy, metrics in cell.metrics.items()
                    },
                }
                for cell in self.cells
            ],
            "break_evens": [
                {
                    "key": found.key,
                    "others": {key: _json_value(value) for key, value in found.others.items()},
                    "between": [_json_value(found.below), _json_value(found.above)],
                    "from": found.before,
                    "to": found.after,
                    "at_about": found.at_about,
                    "why": found.why,
                }
                for found in self.break_evens
            ],
        }


def sweep(
    scenario: Scenario,
    axes: Mapping[str, Sequence[Any]],
    *,
    replications: int | None = None,
    seed: int | None = None,
    strategies: Sequence[str] | None = None,
    jobs: int = 1,
    dask: Any = None,
    progress: Callable[[int], None] | None = None,
    scenario_file: str = "<scenario>",
    file: str = "<changes>",
) -> SweepResult:
    """Run every cell of the grid `axes` (key path -> values) on common random numbers.

    Example::

        result = sweep(scenario, {"sources.orbit.seat_price_usd": [40e6, 55e6, 70e6]},
                       replications=300)
        result.to_pandas()

    Args:
        scenario: the scenario every cell starts from (not changed).
        axes: per key path, the values it takes (numbers, dates, text, distributions as
            mappings); the cells are their product, the first key varying slowest.
        replications: per strategy and cell; the scenario's own when None.
        seed: master seed of every cell; the scenario's own when None.
        strategies: names to run; all when None.
        jobs: worker processes (1 runs in this process), as `run_experiment` takes them.
        dask: a Dask scheduler address, "local", or a Client, as `run_experiment` takes it.
        progress: called with the replications finished, counted over all cells.
        scenario_file: named in the message of a failed replication.
        file: what an error in a value names as its file (``--set`` on the command line).

    Raises:
        ScenarioError: a key path or value that does not validate (named), an empty list.
        UsageError, ReplicationError: as `run_experiment`.
    """
    cells = cells_of(scenario, axes, file)
    summaries = [
        summarise_cell(cell, results)
        for cell, results in run_cells(
            cells,
            replications=replications,
            seed=seed,
            strategies=strategies,
            jobs=jobs,
            dask=dask,
            progress=progress,
            scenario_file=scenario_file,
        )
    ]
    first = summaries[0]
    axes_found = _axes(cells)
    production = scenario.production
    return SweepResult(
        title=production.title,
        currency=production.currency,
        start_date=production.start_date,
        deadline_day=scenario.deadline_day,
        budget_usd=production.budget_usd,
        seed=scenario.simulation.seed if seed is None else seed,
        replications=scenario.simulation.replications if replications is None else replications,
        strategies=tuple(dict.fromkeys(name for cell in summaries for name in cell.metrics)),
        axes=axes_found,
        cells=tuple(summaries),
        break_evens=break_evens(axes_found, summaries),
        targets=first.targets,
    )


def _axes(cells: Sequence[Cell]) -> dict[str, tuple[Any, ...]]:
    """Each key's values in the order given, read back from the grid."""
    found: dict[str, list[Any]] = {key: [] for key in cells[0].values}
    for cell in cells:
        for key, value in cell.values.items():
            if value not in found[key]:
                found[key].append(value)
    return {key: tuple(values) for key, values in found.items()}


def _json_value(value: Any) -> Any:
    """A swept value for JSON: dates as ISO text, the rest as they are."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    return value
