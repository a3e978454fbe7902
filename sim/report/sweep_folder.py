"""What the output folder of a sweep holds; `sim.report.folder` writes it whole or not at all.

- ``sweep.csv``: the tidy table, a row per cell x strategy x metric (`SweepResult.rows`), text
  cells escaped for spreadsheets as the run's CSVs are; a value never reached is an empty cell.
- ``sweep.json``: the same with each cell's decision and the break-evens.
- ``sweep.xlsx``: the tidy table and the break-evens, typed (`sim.report.sweep_workbook`).
- ``cells.yaml``: each cell's changes, as ``with_changes`` takes them (``spacesim sweep``'s
  ``--set`` values, one cell a mapping), to rebuild any cell from ``scenario.resolved.yaml``.
- ``scenario.resolved.yaml``: the scenario every cell starts from, every default filled in, with
  the seed and replications the sweep used.
- a figure per swept key (`sim.report.figures.sweep.metrics_against`) and, with two keys or
  more, ``recommended.png`` (`recommended_map`).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from sim.analysis.sweep import SweepResult
from sim.experiment.sweep import shown
from sim.report.folder import Content, check_target, write_folder
from sim.report.runs import rows_to_csv
from sim.report.sweep_workbook import sweep_workbook
from sim.scenario.load import dump_scenario, scenario_from_data
from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def write_sweep(
    target: Path,
    *,
    result: SweepResult,
    scenario: Scenario,
    record: dict[str, Any],
    force: bool,
) -> list[Path]:
    """Write a sweep's folder atomically; returns the files written, relative to the folder.

    Raises:
        OutputExistsError: `target` exists and `force` was not given; before any figure is drawn.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    check_target(target, force)
    # matplotlib, when the folder is written: not while the CLI starts (the commands import
    # this module)
    from sim.report.figures.sweep import (  # noqa: PLC0415
        figure_name,
        metrics_against,
        recommended_map,
    )

    figures = {figure_name(key): _png(metrics_against(result, key)) for key in result.keys}
    if len(result.keys) >= 2:
        figures["recommended.png"] = _png(recommended_map(result))
    files: dict[str, Content] = {
        "sweep.csv": rows_to_csv([_csv_row(row, result.keys) for row in result.rows()]),
        "sweep.json": json.dumps(result.to_json(), indent=2, allow_nan=False) + "\n",
        "sweep.xlsx": sweep_workbook(result),
        "cells.yaml": cells_text(result),
        "scenario.resolved.yaml": resolved_text(scenario, result),
        **figures,
    }
    return write_folder(target, files, record, force)


def cells_text(result: SweepResult) -> str:
    """cells.yaml: each cell's number and changes."""
    cells = [{"cell": cell.index, "changes": cell.values} for cell in result.cells]
    return yaml.safe_dump(cells, sort_keys=False, allow_unicode=True, width=100)


def resolved_text(scenario: Scenario, result: SweepResult) -> str:
    """The base scenario as YAML, with the seed and replications of the sweep, validated."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["simulation"] |= {"seed": result.seed, "replications": result.replications}
    return dump_scenario(scenario_from_data(data, "scenario.resolved.yaml"))


def _csv_row(row: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A swept value that is not a number (a date, a distribution) as the text a file writes."""
    return {
        name: shown(value) if name in keys and _as_text(value) else value
        for name, value in row.items()
    }


def _as_text(value: Any) -> bool:
    return isinstance(value, bool) or not isinstance(value, int | float | str)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
