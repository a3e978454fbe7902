"""`spacesim run`: simulate a scenario's strategies, print the tables, write the folder."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.console import Console

from sim.analysis.representative import told
from sim.analysis.summary import precise_to, summarise
from sim.cli.errors import reporting_interrupts
from sim.cli.options import (
    force_option,
    jobs_option,
    out_option,
    quiet_option,
    reps_option,
    seed_option,
)
from sim.cli.progress import replications_bar
from sim.core.errors import UsageError
from sim.experiment.exposure import measure
from sim.experiment.runner import run_experiment
from sim.report.analysis_tables import drivers_table, financing_table, guarantor_table, tracks_table
from sim.report.record import resolved_scenario_text, run_record
from sim.report.risk_tables import risk_register_table
from sim.report.tables import (
    comparison_table,
    decision_table,
    minutes_table,
    shortfall_table,
    top_sheet_table,
)
from sim.report.writer import check_target, write_run
from sim.scenario.load import load_scenario


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@reps_option()
@seed_option()
@out_option(help="Output folder (default: out/<scenario file name>).")
@click.option(
    "--strategy",
    "strategies",
    multiple=True,
    metavar="NAME",
    help="Run only this strategy (repeat for several).",
)
@jobs_option()
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Run on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for"
    " --jobs processes here. Needs the dask extra: pip install '.[dask]'.",
)
@click.option(
    "--precision",
    type=click.FloatRange(min=0.01, max=50),
    metavar="PERCENT",
    help="Double the replications until every strategy's P80 cost and P80 delivery are known"
    " to within this many percent (95% confidence); --reps is where it starts.",
)
@click.option(
    "--max-reps",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Most replications per strategy --precision may use.",
)
@click.option(
    "--baseline",
    metavar="STRATEGY",
    help="The strategy the others are compared with, pair by pair (default: the first).",
)
@click.option(
    "--register/--no-register",
    default=True,
    show_default=True,
    help="Measure each risk event's exposure and each mitigation's benefit (reruns the"
    " replications each event struck: about the events' hit rates times a run).",
)
@force_option()
@quiet_option()
def run(
    *,
    scenario: Path,
    reps: int | None,
    seed: int | None,
    out_dir: Path | None,
    strategies: tuple[str, ...],
    jobs: int,
    dask: str | None,
    precision: float | None,
    max_reps: int,
    baseline: str | None,
    register: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Simulate every strategy of SCENARIO; print a table and write an output folder.

    The folder holds summary.json, replications.csv (one row per replication and strategy),
    scenario.resolved.yaml (every default filled in), run.json and the figures.

    Example:

    \b
        spacesim run scenarios/split.yaml --reps 2000 --seed 7 --out out/split-7
    """
    target = out_dir if out_dir is not None else Path("out") / scenario.stem
    check_target(target, force)
    loaded = load_scenario(scenario)
    chosen = strategies or tuple(loaded.strategies)
    if baseline is not None and baseline not in chosen:
        raise UsageError(f"unknown baseline '{baseline}'; the run has: " + ", ".join(chosen))
    with reporting_interrupts(target):
        started = dt.datetime.now(dt.UTC)
        console = Console(stderr=True, quiet=quiet)
        first = reps or loaded.simulation.replications
        most = max(first, max_reps) if precision is not None else first
        with replications_bar(console, first, most) as advance:
            results = run_experiment(
                loaded,
                replications=reps,
                seed=seed,
                strategies=strategies or None,
                jobs=jobs,
                progress=advance,
                scenario_file=str(scenario),
                until=None if precision is None else precise_to(precision / 100),
                max_replications=most,
                dask=dask,
            )
        exposures = None
        if register and loaded.risks:
            exposures = measure(results, jobs=jobs, dask=dask, scenario_file=str(scenario))
        summary = summarise(results, baseline, exposures)
        summary = summary.with_target(None if precision is None else precision / 100)
        if precision is not None and not precise_to(precision / 100)(results):
            click.echo(
                f"Warning: the P80s are not known to ±{precision:g}% after --max-reps "
                f"{results.replications:,}; see precision in summary.json",
                err=True,
            )
        write_run(
            target,
            results=results,
            summary=summary,
            resolved_scenario=resolved_scenario_text(results),
            record=run_record(
                results,
                command=["spacesim", *sys.argv[1:]],
                scenario_file=scenario,
                jobs=jobs,
                dask=dask,
                started=started,
            ),
            stories=told(results),
            force=force,
        )
    if not quiet:
        out = Console(markup=False)  # text from the scenario is printed as written
        out.print(decision_table(summary))
        out.print(financing_table(summary))
        out.print(guarantor_table(summary))
        out.print(top_sheet_table(summary))
        out.print(minutes_table(summary))
        out.print(shortfall_table(summary))
        out.print(drivers_table(summary))
        out.print(tracks_table(summary))
        if summary.risk_register:
            out.print(risk_register_table(summary))
        if summary.comparison.strategies:
            out.print(comparison_table(summary))
    click.echo(f"Results written to {target}/")
