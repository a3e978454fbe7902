"""`spacesim sweep`: run a scenario over a grid of values, on common random numbers."""

from __future__ import annotations

import datetime as dt
import math
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from sim.analysis.sweep import sweep as run_sweep
from sim.cli.errors import reporting_interrupts
from sim.cli.options import (
    dask_option,
    force_option,
    jobs_option,
    out_option,
    quiet_option,
    reps_option,
    seed_option,
    strategies_option,
)
from sim.cli.progress import replications_bar
from sim.core.errors import Problem, ScenarioError
from sim.report.folder import check_target
from sim.report.record import made_record
from sim.report.sweep_folder import write_sweep
from sim.report.sweep_tables import break_even_lines, cells_table, costs_table
from sim.scenario.load import load_scenario
from sim.scenario.value_lists import parse_assignment


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--set",
    "settings",
    multiple=True,
    required=True,
    metavar="KEY.PATH=V1,V2,...",
    help="A key path and the values it takes: a comma list (commas inside {...} do not"
    " separate), a range START:STOP:STEP (STOP included when a step lands on it; dates with a"
    " step in days), or a distribution {dist: triangular, min: 1, mode: 2, max: 3}. Repeat"
    " for a grid: every combination is a cell.",
)
@reps_option("Replications per strategy and cell.")
@seed_option("Master seed of every cell (default: the scenario's).")
@out_option(help="Output folder (default: out/<scenario file name>-sweep).")
@strategies_option()
@jobs_option()
@dask_option(" (started once for all cells)")
@force_option()
@quiet_option()
def sweep(
    *,
    scenario: Path,
    settings: tuple[str, ...],
    reps: int | None,
    seed: int | None,
    out_dir: Path | None,
    strategies: tuple[str, ...],
    jobs: int,
    dask: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """Run SCENARIO once per combination of the --set values, all on the same random numbers.

    Every cell uses the same seed and replications, so a difference between cells is the
    change's. Prints the strategy recommended in each cell and where it changes (the
    break-even); writes sweep.csv (cell x strategy x metric), sweep.json, cells.yaml, the
    base scenario resolved and a figure per key (and a map of the recommendation for two).

    Example:

    \b
        spacesim sweep scenarios/split.yaml --reps 300 \\
            --set sources.orbit.seat_price_usd=40e6:85e6:15e6 \\
            --set sources.cgi.artists=100,200
    """
    target = out_dir if out_dir is not None else Path("out") / f"{scenario.stem}-sweep"
    check_target(target, force)
    loaded = load_scenario(scenario)
    axes = _axes(settings)
    cells = math.prod(len(values) for values in axes.values())
    with reporting_interrupts(target):
        started = dt.datetime.now(dt.UTC)
        console = Console(stderr=True, quiet=quiet)
        per_cell = reps or loaded.simulation.replications
        total = cells * per_cell
        with replications_bar(console, total, total, f"sweeping {cells} cells") as advance:
            result = run_sweep(
                loaded,
                axes,
                replications=reps,
                seed=seed,
                strategies=strategies or None,
                jobs=jobs,
                dask=dask,
                progress=advance,
                scenario_file=str(scenario),
                file="--set",
            )
        record = _record(scenario, result.to_json(), jobs=jobs, dask=dask, started=started)
        if console.is_terminal and not quiet:
            console.print("drawing the figures ...", style="dim")
        write_sweep(target, result=result, scenario=loaded, record=record, force=force)
    if not quiet:
        out = Console(markup=False)
        out.print(costs_table(result))
        out.print(cells_table(result))
        for line in break_even_lines(result):
            out.print(line, soft_wrap=True)
    click.echo(f"Results written to {target}/")


def _axes(settings: tuple[str, ...]) -> dict[str, list[Any]]:
    """Each --set as key path -> values; a key set twice is refused."""
    axes: dict[str, list[Any]] = {}
    for setting in settings:
        key, values = parse_assignment(setting)
        if key in axes:
            raise ScenarioError(
                "--set",
                [Problem(key, "set twice; give all its values in one --set (KEY=V1,V2,...)")],
            )
        axes[key] = values
    return axes


def _record(
    scenario: Path, summary: dict[str, Any], *, jobs: int, dask: str | None, started: dt.datetime
) -> dict[str, Any]:
    """run.json of a sweep: the command, the version, the input's SHA-256, the grid."""
    return made_record(
        command=["spacesim", *sys.argv[1:]],
        scenario_file=scenario,
        settings={
            "seed": summary["seed"],
            "replications": summary["replications"],
            "strategies": summary["strategies"],
            "axes": summary["axes"],
            "cells": len(summary["cells"]),
        },
        jobs=jobs,
        dask=dask,
        started=started,
    )
