"""`spacesim compare`: earlier runs (or scenario files, run now) side by side, against the first.

The terminal shows what changed in the inputs first, then the runs side by side, each later run
minus the first (paired when they share seed and replications), and the top sheet's original
and variance; the folder holds the same as CSV and on one page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from sim.analysis.compare_runs import STATISTICS
from sim.analysis.summary import summarise
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
from sim.experiment.runner import run_experiment
from sim.report.compare_tables import (
    KEY_WIDTH,
    TERMINAL_CHANGES,
    deltas_table,
    inputs_table,
    variance_table,
)
from sim.report.comparison import compare_runs
from sim.report.record import comparison_record, spacesim_version
from sim.report.runs import Run, labels_for, read_run, run_of, side_by_side
from sim.report.tables import side_by_side_table
from sim.report.writer import check_target, write_comparison
from sim.scenario.load import load_scenario


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option(help="Output folder.", default=Path("out") / "compare")
@reps_option(help="Replications per strategy of a scenario file.")
@seed_option(help="Master seed of a scenario file.")
@jobs_option(help="Worker processes, to run a scenario file.")
@click.option(
    "--statistic",
    type=click.Choice(STATISTICS),
    default="mean",
    show_default=True,
    help="Statistic of the replications the top sheet's original and variance are read at.",
)
@force_option()
@quiet_option(help="No progress bar and no tables.")
def compare(
    *,
    sources: tuple[Path, ...],
    out_dir: Path,
    reps: int | None,
    seed: int | None,
    jobs: int,
    statistic: str,
    force: bool,
    quiet: bool,
) -> None:
    """Set runs against the first: what changed, side by side, deltas, the top sheet's variance.

    Each SOURCE is the output folder of an earlier `spacesim run`, read as it is (nothing is
    rerun), or a scenario file, run now (--reps, --seed and --jobs apply to those). The first
    is the original, and every other run is set against it: the inputs that differ (from the
    runs' scenario.resolved.yaml and run.json), per strategy the differences of P50/P80 cost
    and delivery and of the joint confidence, the mean differences with 95% intervals (paired
    replication by replication when the runs share seed and replications, else unpaired), and
    the top sheet's original, current and variance. The folder holds compare.csv (with the
    deltas), inputs.csv, top_sheet.csv, the figures and report.html.

    Example:

    \b
        spacesim compare out/split out/split-80-artists
        spacesim compare out/split out/split-80-artists --statistic p80
    """
    if len(sources) < 2:
        raise UsageError("compare needs at least two run folders or scenario files")
    missing = [str(path) for path in sources if not path.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such run folder or scenario file")
    check_target(out_dir, force)
    runs: list[Run] = []
    console = Console(stderr=True, quiet=quiet)
    with reporting_interrupts(out_dir):
        for path, label in zip(sources, labels_for(list(sources)), strict=True):
            if path.is_dir():
                runs.append(read_run(path, label))
                continue
            loaded = load_scenario(path)
            first = reps or loaded.simulation.replications
            with replications_bar(console, first, first) as advance:
                results = run_experiment(
                    loaded, replications=reps, seed=seed, jobs=jobs, progress=advance
                )
            runs.append(run_of(label, results, summarise(results), version=spacesim_version()))
        currencies = sorted({run.summary.currency for run in runs})
        if len(currencies) > 1:
            raise UsageError(
                "the runs count money in different currencies ("
                + ", ".join(currencies)
                + "); compare runs in one currency"
            )
        record = comparison_record(runs, sources, command=["spacesim", *sys.argv[1:]])
        write_comparison(out_dir, runs=runs, record=record, force=force, statistic=statistic)
    if not quiet:
        compared = compare_runs(runs, statistic)
        terminal = Console(markup=False)
        terminal.print(inputs_table(compared, limit=TERMINAL_CHANGES, key_width=KEY_WIDTH))
        terminal.print(side_by_side_table(side_by_side(runs), currencies[0]))
        for against in compared.others:
            terminal.print(deltas_table(compared, against, currencies[0]))
        for against in compared.others:
            terminal.print(variance_table(compared, against, currencies[0]))
    click.echo(f"Comparison written to {out_dir}/")
