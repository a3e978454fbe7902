"""`spacesim run`: simulate a scenario's strategies, print the tables, write the folder."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.console import Console

from sim.analysis.records import Summary
from sim.analysis.summary import precise_to
from sim.cli.errors import reporting_interrupts
from sim.cli.options import (
    dask_option,
    details_option,
    force_option,
    jobs_option,
    known_names,
    out_option,
    quiet_option,
    reps_option,
    seed_option,
    strategies_option,
)
from sim.cli.progress import replications_bar, status_line
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.report.analysis_tables import drivers_table, financing_table, guarantor_table, tracks_table
from sim.report.fallback_tables import fallback_table
from sim.report.figures.drawing import run_figure_names
from sim.report.formats import precision_text
from sim.report.publish import publish_run, workers
from sim.report.risk_tables import risk_register_table
from sim.report.tables import (
    comparison_table,
    decision_table,
    minutes_table,
    shortfall_table,
    top_sheet_table,
)
from sim.report.writer import check_target
from sim.scenario.load import load_scenario


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@reps_option()
@seed_option()
@out_option(help="Output folder (default: out/<scenario file name>).")
@strategies_option()
@jobs_option()
@dask_option()
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
@details_option()
@force_option()
@quiet_option(
    help="No progress bar, status line or tables (where --precision stopped is still said,"
    " on stderr)."
)
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
    details: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Simulate every strategy of SCENARIO; print the decision and write an output folder.

    The terminal shows the financing table and, last, the decision; --details prints every
    table before the decision. The folder holds report.html (every table and figure),
    summary.json, replications.csv (one row per replication and strategy),
    scenario.resolved.yaml (every default filled in), run.json and the figures.

    Example:

    \b
        spacesim run scenarios/split.yaml --reps 2000 --seed 7 --out out/split-7
    """
    target = out_dir if out_dir is not None else Path("out") / scenario.stem
    check_target(target, force)
    loaded = load_scenario(scenario)
    chosen = known_names(strategies, tuple(loaded.strategies)) or tuple(loaded.strategies)
    if baseline is not None:
        known_names([baseline], chosen, what="baseline", where="the run")
    with reporting_interrupts(target), workers(1 if dask else jobs) as pool:
        # One pool of workers for the whole job: the simulation, the reruns, the figures
        # (with Dask the cluster simulates and reruns, and the figures get workers of their own).
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
                pool=pool,
            )
        with status_line(console, len(run_figure_names())) as status:
            summary = publish_run(
                results,
                target,
                command=["spacesim", *sys.argv[1:]],
                started=started,
                baseline=baseline,
                register=register,
                precision=None if precision is None else precision / 100,
                jobs=jobs,
                dask=dask,
                pool=pool,
                scenario_file=scenario,
                force=force,
                step=status.step,
                drawn=status.drawn,
            )
    if precision is not None:  # said with --quiet too: where the doubling stopped, and why
        click.echo(_stopping_point(precision, results, summary), err=True)
    if not quiet:
        out = Console(markup=False)  # text from the scenario is printed as written
        if details:
            out.print(guarantor_table(summary))
            out.print(top_sheet_table(summary))
            out.print(minutes_table(summary))
            out.print(shortfall_table(summary))
            out.print(drivers_table(summary))
            out.print(tracks_table(summary))
            if summary.risk_register:
                out.print(risk_register_table(summary))
            if summary.fallbacks:
                out.print(fallback_table(summary))
            if summary.comparison.strategies:
                out.print(comparison_table(summary))
        out.print(financing_table(summary))
        out.print(decision_table(summary))  # last, so that it is what the screen shows
        if not details:
            click.echo("Every table: --details, or report.html.")
    click.echo(f"Results written to {target}/")


def _stopping_point(precision: float, results: Results, summary: Summary) -> str:
    """Where `--precision` stopped: the replications reached, and the precision met or not."""
    known = precision_text(summary.precision)
    if precise_to(precision / 100)(results):
        return (
            f"--precision {precision:g}%: met at {results.replications:,} replications per"
            f" strategy; {known}"
        )
    return (
        f"Warning: the P80s are not known to ±{precision:g}% after --max-reps"
        f" {results.replications:,} replications per strategy; {known} See precision in"
        " summary.json."
    )
